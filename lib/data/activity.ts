import "server-only";
// The activity log: credential events (ActivityEvent), provisioning changes
// (ServiceStatusChange) and secret expiries (derived from ClientSecret.expiresAt, so an expiry
// appears the moment it happens without any job) merged into one newest-first list by a single
// UNION ALL query, paged in the database. Members read their partner's apps; admins read all.
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { can } from "../auth/permissions";
import { isUuid } from "../ids";
import { isActivityType, type ActivityDetail, type ActivityType } from "../activity/types";
import type { Role } from "../auth/permissions";
import { visibleApps } from "../auth/scope";
import type { SessionUser } from "./users";

export const ACTIVITY_PAGE_SIZE = 50;

interface Row {
  id: string;
  type: string;
  at: Date;
  detail: unknown;
  app_id: string;
  app_name: string;
  partner_name: string;
  actor_name: string | null;
  actor_role: Role | null;
}

export interface ActivityEntry {
  id: string;
  type: ActivityType;
  at: Date;
  detail: ActivityDetail;
  app: { id: string; name: string; partnerName: string };
  /** Null for what nobody did (an expiry) or when the account is gone. */
  actor: { name: string; role: Role } | null;
}

/**
 * One page of the activity of `appId` (or, for admins without `appId`, of every app), newest
 * first. Null when the app is not visible to the user (another partner's app looks missing).
 */
export async function listActivity(user: SessionUser, query: { appId?: string; page?: number } = {}, now = new Date()) {
  let scope: Prisma.Sql;
  if (query.appId !== undefined) {
    if (!isUuid(query.appId)) return null;
    const app = await db().app.findFirst({ where: { AND: [{ id: query.appId }, visibleApps(user)] }, select: { id: true } });
    if (!app) return null;
    scope = Prisma.sql`a."id" = ${app.id}::uuid`;
  } else if (can(user.role, "apps:view-all")) {
    scope = Prisma.sql`TRUE`;
  } else {
    return null;
  }

  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1);
  const offset = (page - 1) * ACTIVITY_PAGE_SIZE;
  // One more than a page: tells whether there is a next one without counting everything.
  const rows = await db().$queryRaw<Row[]>`
    SELECT x."id", x."type", x."at", x."detail", a."id"::text AS app_id, a."name" AS app_name,
           p."name" AS partner_name, u."name" AS actor_name, u."role"::text AS actor_role
    FROM (
      SELECT e."id"::text AS id, e."type", e."createdAt" AS at, e."detail", e."appId", e."actorId"
      FROM "ActivityEvent" e
      UNION ALL
      SELECT s."id"::text, 'provisioning.changed', s."createdAt",
             jsonb_build_object('service', sv."name", 'from', s."fromStatus"::text, 'to', s."toStatus"::text, 'note', s."note"),
             s."appId", s."actorId"
      FROM "ServiceStatusChange" s JOIN "Service" sv ON sv."id" = s."serviceId"
      UNION ALL
      SELECT cs."id"::text || ':expired', 'secret.expired', cs."expiresAt", jsonb_build_object('label', cs."label"),
             c."appId", NULL::uuid
      FROM "ClientSecret" cs JOIN "Client" c ON c."id" = cs."clientId"
      WHERE cs."expiresAt" <= ${now} AND (cs."revokedAt" IS NULL OR cs."revokedAt" > cs."expiresAt")
    ) x
    JOIN "App" a ON a."id" = x."appId"
    JOIN "Partner" p ON p."id" = a."partnerId"
    LEFT JOIN "User" u ON u."id" = x."actorId"
    WHERE ${scope}
    ORDER BY x."at" DESC, x."id" DESC
    LIMIT ${ACTIVITY_PAGE_SIZE + 1} OFFSET ${offset}`;

  const entries: ActivityEntry[] = rows.slice(0, ACTIVITY_PAGE_SIZE).flatMap((r) =>
    isActivityType(r.type)
      ? [
          {
            id: r.id,
            type: r.type,
            at: new Date(r.at),
            detail: (typeof r.detail === "string" ? JSON.parse(r.detail) : (r.detail ?? {})) as ActivityDetail,
            app: { id: r.app_id, name: r.app_name, partnerName: r.partner_name },
            actor: r.actor_name && r.actor_role ? { name: r.actor_name, role: r.actor_role } : null,
          },
        ]
      : [],
  );
  return { entries, page, hasNext: rows.length > ACTIVITY_PAGE_SIZE };
}
