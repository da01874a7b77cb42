import "server-only";
// What every change to an app's credentials starts from: the app's client, found through the
// tenant filter and locked when the change must be judged one at a time, and the activity row
// the change writes in the same transaction. Another partner's app is "not found", exactly
// like a missing one; only then is the permission checked, so a viewer is "forbidden".
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { assertCan, type Permission } from "../auth/permissions";
import { visibleApps } from "../auth/scope";
import { isUuid } from "../ids";
import type { ActivityDetail, ActivityType } from "../activity/types";
import type { Tx } from "./shared";
import type { SessionUser } from "./users";

export const CHANGED_MEANWHILE = "These credentials changed meanwhile. The current state is shown now: check it and try again.";

export function appNotFound(): AppError {
  return new AppError("NOT_FOUND", "This app does not exist, or you do not have access to it.");
}

function noClient(): AppError {
  return new AppError("NOT_FOUND", "This app has no credentials yet. Indeed sets them up with the app.");
}

/** Writes one activity row for the app; call it inside the change's transaction. */
export async function recordActivity(tx: Tx, appId: string, actorId: string | null, type: ActivityType, detail: ActivityDetail = {}, at = new Date()) {
  await tx.activityEvent.create({ data: { appId, actorId, type, detail: detail as Prisma.InputJsonObject, createdAt: at } });
}

/**
 * The app's client, for a change by `user`: 404 unless the app is visible to them (another
 * partner's app looks missing), then FORBIDDEN unless they hold `permission` (by default
 * `credentials:manage`). With `lock`, the client row stays locked until the transaction ends,
 * so concurrent changes to one client (the active-secret limit, the allowlist's size) are
 * judged one at a time.
 */
export async function clientForChange(
  tx: Tx,
  user: SessionUser,
  appId: string,
  { permission = "credentials:manage", lock = false }: { permission?: Permission; lock?: boolean } = {},
) {
  if (!isUuid(appId)) throw appNotFound();
  const app = await tx.app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)] },
    select: { id: true, credentialType: true },
  });
  if (!app) throw appNotFound();
  assertCan(user.role, permission);
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Client" WHERE "appId" = ${app.id}::uuid FOR UPDATE`;
  const client = await tx.client.findUnique({
    where: { appId: app.id },
    select: { id: true, isPublic: true, grantTypes: true, reviewStatus: true, reviewVersion: true },
  });
  if (!client) throw noClient();
  return { app, client };
}

