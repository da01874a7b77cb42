import "server-only";
// The service catalog, edited by admins: what services exist and the rules between them.
import { z } from "zod";
import { text } from "../plain-text";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { isUuid } from "../ids";
import type { SessionUser } from "./users";

const httpsUrl = z
  .url({ protocol: /^https?$/, message: "Enter a full http:// or https:// URL." })
  .max(2048, "At most 2,048 characters.");
const uuidList = z.array(z.uuid()).max(50).default([]);

export const serviceInput = z.object({
  name: text().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  slug: z
    .string()
    .trim()
    .min(1, "Enter an identifier.")
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. job-sync-api."),
  provider: z.enum(["INDEED", "SEEK"], { message: "Choose a provider." }),
  description: text({ multiline: true }).trim().min(1, "Enter a description.").max(1000, "At most 1,000 characters."),
  reviewRequired: z.boolean(),
  documentationUrl: httpsUrl,
  testingToolUrl: z
    .union([z.literal(""), z.string().trim().regex(/^\/[\w\-/]*$/, "Enter a path on this site such as /token-tool, or a full URL."), httpsUrl])
    .optional()
    .transform((v) => (v ? v : null)),
  conflictsWith: uuidList,
  requires: uuidList,
  bundles: uuidList,
});
export type ServiceInput = z.input<typeof serviceInput>;

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
      conflictsWith: { select: { id: true, name: true } },
      conflictedBy: { select: { id: true, name: true } },
      requires: { select: { id: true, name: true } },
      bundles: { select: { id: true, name: true } },
      _count: { select: { appServices: true } },
    },
  });
}

function relations(data: z.output<typeof serviceInput>, selfId?: string) {
  const ids = (list: string[]) => list.filter((id) => id !== selfId).map((id) => ({ id }));
  return {
    conflictsWith: { set: ids(data.conflictsWith) },
    requires: { set: ids(data.requires) },
    bundles: { set: ids(data.bundles) },
  };
}

function scalars(data: z.output<typeof serviceInput>) {
  const { name, slug, provider, description, reviewRequired, documentationUrl, testingToolUrl } = data;
  return { name, slug, provider, description, reviewRequired, documentationUrl, testingToolUrl };
}

function uniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "A service with this name or identifier already exists.", {
      name: ["A service with this name or identifier already exists."],
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    throw new AppError("VALIDATION", "One of the related services no longer exists.");
  }
  throw error;
}

export async function createService(user: SessionUser, input: ServiceInput) {
  assertCan(user.role, "apps:create");
  const data = serviceInput.parse(input);
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
    uniqueViolation(error);
  }
}

export async function updateService(user: SessionUser, serviceId: string, input: ServiceInput) {
  assertCan(user.role, "apps:create");
  if (!isUuid(serviceId)) throw new AppError("NOT_FOUND", "There is no such service.");
  const data = serviceInput.parse(input);
  try {
    return await db().service.update({
      where: { id: serviceId },
      data: { ...scalars(data), ...relations(data, serviceId) },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      throw new AppError("NOT_FOUND", "There is no such service.");
    }
    uniqueViolation(error);
  }
}
