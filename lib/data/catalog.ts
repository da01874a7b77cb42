import "server-only";
// The service catalog, edited by admins: what services exist and the rules between them.
// Inputs arrive parsed by lib/catalog/schemas.ts (docs/decisions/017-server-actions.md).
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { isUuid } from "../ids";
import type { Service } from "../catalog/schemas";
import { isMissingRow, isUniqueViolation } from "./shared";
import type { SessionUser } from "./users";

/** A service's rules with the services they name (conflicts are stored on either side). */
export const SERVICE_RULES_SELECT = {
  requires: { select: { id: true, name: true } },
  conflictsWith: { select: { id: true, name: true } },
  conflictedBy: { select: { id: true, name: true } },
  bundles: { select: { id: true, name: true } },
} as const;

export async function listCatalog(user: SessionUser) {
  assertCan(user.role, "apps:create");
  return db().service.findMany({
    orderBy: [{ provider: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      provider: true,
      description: true,
      reviewRequired: true,
      documentationUrl: true,
      testingToolUrl: true,
      ...SERVICE_RULES_SELECT,
      _count: { select: { appServices: true } },
    },
  });
}

function relations(data: Service, selfId?: string) {
  const ids = (list: string[]) => list.filter((id) => id !== selfId).map((id) => ({ id }));
  return {
    conflictsWith: { set: ids(data.conflictsWith) },
    requires: { set: ids(data.requires) },
    bundles: { set: ids(data.bundles) },
  };
}

function scalars(data: Service) {
  const { name, slug, provider, description, reviewRequired, documentationUrl, testingToolUrl } = data;
  return { name, slug, provider, description, reviewRequired, documentationUrl, testingToolUrl };
}

function refuseWrite(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", "A service with this name or identifier already exists.", {
      name: ["A service with this name or identifier already exists."],
    });
  }
  if (isMissingRow(error)) {
    throw new AppError("VALIDATION", "One of the related services no longer exists.");
  }
  throw error;
}

export async function createService(user: SessionUser, data: Service) {
  assertCan(user.role, "apps:create");
  const rel = relations(data);
  try {
    return await db().service.create({
      data: {
        ...scalars(data),
        conflictsWith: { connect: rel.conflictsWith.set },
        requires: { connect: rel.requires.set },
        bundles: { connect: rel.bundles.set },
      },
      select: { id: true },
    });
  } catch (error) {
    refuseWrite(error);
  }
}

export async function updateService(user: SessionUser, serviceId: string, data: Service) {
  assertCan(user.role, "apps:create");
  if (!isUuid(serviceId)) throw new AppError("NOT_FOUND", "There is no such service.");
  try {
    return await db().service.update({
      where: { id: serviceId },
      data: { ...scalars(data), ...relations(data, serviceId) },
      select: { id: true },
    });
  } catch (error) {
    if (isMissingRow(error)) {
      throw new AppError("NOT_FOUND", "There is no such service.");
    }
    refuseWrite(error);
  }
}
