import "server-only";
// Services on apps: requests, status moves, history, the admin queue and the catalog. Every
// status change goes through lib/provisioning/lifecycle.ts and writes its history row in the
// same transaction. Concurrent moves are settled by the AppService.version counter: a move
// names the version it saw, and only one move can succeed per version.
import type { Prisma, Provider, ProvisioningStatus } from "../generated/prisma/client";
import { db, query, statement } from "../db";
import { AppError } from "../errors";
import { can } from "../auth/permissions";
import { isUuid } from "../ids";
import { decide, type LifecycleAction } from "../provisioning/lifecycle";
import { requestability, type CatalogService } from "../provisioning/rules";
import { visibleApps, visibleAppsParams } from "../auth/scope";
import { isUniqueViolation } from "./shared";
import { readServicesTab } from "./services-tab";
import { SERVICE_RULES_SELECT } from "./catalog";
import type { SessionUser } from "./users";

const CHANGED_MEANWHILE = "This service changed meanwhile. Its current status is shown now: check it and try again.";

const catalogSelect = {
  id: true,
  name: true,
  provider: true,
  description: true,
  reviewRequired: true,
  ...SERVICE_RULES_SELECT,
} satisfies Prisma.ServiceSelect;

function notFound(): AppError {
  return new AppError("NOT_FOUND", "This app does not exist, or you do not have access to it.");
}

/** The catalog services of the app's provider, each with whether and why it can be requested. */
export async function listRequestOptions(user: SessionUser, appId: string) {
  return (await readServicesTab(user, appId))?.options ?? null;
}

/** Adds a service (and the services bundled with it) to an app: "Provisioning in progress". */
export async function requestService(
  user: SessionUser,
  input: { appId: string; serviceId: string; note?: string | null },
) {
  if (!isUuid(input.appId) || !isUuid(input.serviceId)) throw notFound();
  const note = input.note?.trim() || null;
  try {
    return await db().$transaction(async (tx) => {
      const app = await tx.app.findFirst({
        where: { AND: [{ id: input.appId }, visibleApps(user)] },
        select: { id: true, provider: true },
      });
      if (!app) throw notFound();
      const verdict = decide("request", { role: user.role, current: null, reviewRequired: false, note });
      if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
      // One request at a time per app, so the rules below see every service already on it.
      await tx.$queryRaw`SELECT 1 FROM "App" WHERE "id" = ${app.id}::uuid FOR UPDATE`;
      const service: CatalogService | null = await tx.service.findUnique({
        where: { id: input.serviceId },
        select: catalogSelect,
      });
      if (!service) throw new AppError("NOT_FOUND", "There is no such service in the catalog.");
      const present = new Set(
        (await tx.appService.findMany({ where: { appId: app.id }, select: { serviceId: true } })).map((s) => s.serviceId),
      );
      const rule = requestability(service, { provider: app.provider, present });
      if (!rule.requestable) throw new AppError("CONFLICT", rule.reason);
      const now = new Date();
      const added = [service, ...rule.alsoAdds];
      for (const s of added) {
        await tx.appService.create({
          data: { appId: app.id, serviceId: s.id, status: "PROVISIONING_IN_PROGRESS", statusChangedAt: now },
        });
        await tx.serviceStatusChange.create({
          data: {
            appId: app.id,
            serviceId: s.id,
            actorId: user.id,
            fromStatus: null,
            toStatus: "PROVISIONING_IN_PROGRESS",
            note: s.id === service.id ? note : `Provisioned together with ${service.name}.`,
            createdAt: now,
          },
        });
      }
      return { added: added.map((s) => s.name) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    }
    throw error;
  }
}

/** Moves a service on an app through the lifecycle, if `expectedVersion` is still current. */
export async function moveService(
  user: SessionUser,
  input: {
    appId: string;
    serviceId: string;
    action: Exclude<LifecycleAction, "request">;
    expectedVersion: number;
    note?: string | null;
  },
) {
  if (!isUuid(input.appId) || !isUuid(input.serviceId)) throw notFound();
  const note = input.note?.trim() || null;
  return db().$transaction(async (tx) => {
    const app = await tx.app.findFirst({
      where: { AND: [{ id: input.appId }, visibleApps(user)] },
      select: { id: true },
    });
    if (!app) throw notFound();
    const current = await tx.appService.findUnique({
      where: { appId_serviceId: { appId: app.id, serviceId: input.serviceId } },
      select: { id: true, status: true, version: true, service: { select: { reviewRequired: true } } },
    });
    const verdict = decide(input.action, {
      role: user.role,
      current: current?.status ?? null,
      reviewRequired: current?.service.reviewRequired ?? false,
      note,
    });
    if (!verdict.ok) {
      // A stale page asking for a move that no longer fits is the "changed meanwhile" case.
      const stale = verdict.code === "CONFLICT" && current?.version !== input.expectedVersion;
      throw new AppError(verdict.code, stale ? CHANGED_MEANWHILE : verdict.reason);
    }
    if (!current || current.version !== input.expectedVersion) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    const now = new Date();
    const guard = { id: current.id, version: input.expectedVersion, status: current.status };
    const { count } =
      verdict.to === null
        ? await tx.appService.deleteMany({ where: guard })
        : await tx.appService.updateMany({
            where: guard,
            data: { status: verdict.to, version: { increment: 1 }, statusChangedAt: now },
          });
    if (count !== 1) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await tx.serviceStatusChange.create({
      data: {
        appId: app.id,
        serviceId: input.serviceId,
        actorId: user.id,
        fromStatus: current.status,
        toStatus: verdict.to,
        note,
        createdAt: now,
      },
    });
    return { from: current.status, to: verdict.to };
  });
}

/** Every status change of the app's services, newest first (also of services since removed). */
export async function listStatusHistory(user: SessionUser, appId: string) {
  return (await readServicesTab(user, appId))?.history ?? null;
}

export interface QueueFilters {
  provider?: Provider;
  serviceId?: string;
  partnerId?: string;
  status?: Extract<ProvisioningStatus, "PROVISIONING_IN_PROGRESS" | "REVIEW_IN_PROGRESS">;
}

/** App services waiting for an admin, oldest first. Admins only. */
export async function listProvisioningQueue(user: SessionUser, filters: QueueFilters = {}) {
  if (!can(user.role, "services:administer")) throw new AppError("FORBIDDEN", "Only admins can see the queue.");
  return db().appService.findMany({
    where: {
      status: filters.status ?? { in: ["PROVISIONING_IN_PROGRESS", "REVIEW_IN_PROGRESS"] },
      serviceId: isUuid(filters.serviceId) ? filters.serviceId : undefined,
      app: {
        provider: filters.provider,
        partnerId: isUuid(filters.partnerId) ? filters.partnerId : undefined,
      },
    },
    orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      status: true,
      version: true,
      statusChangedAt: true,
      service: { select: { id: true, name: true, reviewRequired: true } },
      app: { select: { id: true, name: true, provider: true, partner: { select: { id: true, name: true } } } },
    },
  });
}

/** Status changes on the user's visible apps since they last looked, newest first. */
interface UnseenChangeRow {
  id: string;
  fromStatus: ProvisioningStatus | null;
  toStatus: ProvisioningStatus | null;
  note: string | null;
  createdAtMs: number;
  appId: string;
  appName: string;
  serviceName: string;
}

/**
 * Changes after the user's statusChangesSeenAt ($1) by anyone else (a change whose author was
 * deleted included), on apps the user sees: every app ($2) or their partner's ($3); newest first,
 * at most $4. The dashboard's and its poll's read, so one prepared statement (decision 035).
 */
const LIST_UNSEEN_CHANGES = statement<UnseenChangeRow>(
  "list_unseen_changes",
  `SELECT c."id"::text AS "id", c."fromStatus"::text AS "fromStatus", c."toStatus"::text AS "toStatus", c."note",
          (EXTRACT(EPOCH FROM c."createdAt") * 1000)::float8 AS "createdAtMs",
          a."id"::text AS "appId", a."name" AS "appName", sv."name" AS "serviceName"
   FROM "User" u
   JOIN "ServiceStatusChange" c ON c."createdAt" > u."statusChangesSeenAt" AND c."actorId" IS DISTINCT FROM u."id"
   JOIN "App" a ON a."id" = c."appId"
   JOIN "Service" sv ON sv."id" = c."serviceId"
   WHERE u."id" = $1::uuid AND ($2::boolean OR a."partnerId" = $3::uuid)
   ORDER BY c."createdAt" DESC
   LIMIT $4::int`,
);

export async function listUnseenChanges(user: SessionUser, limit = 20) {
  const [all, partnerId] = visibleAppsParams(user);
  // A user who sees no app has nothing to hear about.
  if (!all && !partnerId) return [];
  const rows = await query(LIST_UNSEEN_CHANGES, [user.id, all, partnerId, limit]);
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    createdAt: new Date(r.createdAtMs),
    note: r.note,
    app: { id: r.appId, name: r.appName },
    service: { name: r.serviceName },
  }));
}

export async function markChangesSeen(user: SessionUser, at = new Date()) {
  await db().user.update({ where: { id: user.id }, data: { statusChangesSeenAt: at } });
}
