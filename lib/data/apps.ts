import "server-only";
// Apps and their services, as the console pages read them. Authorization sits inside every
// query: a member's reads are filtered by their partner, so another partner's app is
// indistinguishable from a missing one (both are null → 404).
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { can } from "../auth/permissions";
import type { SessionUser } from "./users";
import { isUuid } from "../ids";
import { compareNames } from "../sort";
import { DASHBOARD_PAGE_SIZE } from "../paging";

/** The condition that limits a query on App to what `user` may see. */
export function visibleApps(user: SessionUser): Prisma.AppWhereInput {
  if (can(user.role, "apps:view-all")) return {};
  if (!can(user.role, "apps:view") || !user.partnerId) return { id: { in: [] } };
  return { partnerId: user.partnerId };
}

export { DASHBOARD_PAGE_SIZE };

export interface DashboardQuery {
  page?: number;
  /** Case-insensitive substring of the app name. */
  search?: string;
}

/**
 * The dashboard: apps in alphabetical order (case-insensitive), with their services. Two
 * queries whatever the number of apps: the names of every visible app (sorted here, so the
 * order is the same on PGlite and on any PostgreSQL collation), then one page of apps with
 * their services.
 */
export async function listDashboardApps(user: SessionUser, query: DashboardQuery = {}) {
  const search = query.search?.trim().slice(0, 100) ?? "";
  const where: Prisma.AppWhereInput = {
    AND: [visibleApps(user), search ? { name: { contains: search, mode: "insensitive" } } : {}],
  };
  const grouped = can(user.role, "apps:view-all");
  // Partner names only matter when grouping: a member's apps all share one partner.
  const index: { id: string; name: string; partner?: { name: string } }[] = await db().app.findMany({
    where,
    select: { id: true, name: true, ...(grouped ? { partner: { select: { name: true } } } : {}) },
  });
  index.sort(
    (a, b) =>
      (grouped ? compareNames(a.partner?.name ?? "", b.partner?.name ?? "") : 0) ||
      compareNames(a.name, b.name) ||
      a.id.localeCompare(b.id),
  );
  const pageCount = Math.max(1, Math.ceil(index.length / DASHBOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pageCount);
  const ids = index.slice((page - 1) * DASHBOARD_PAGE_SIZE, page * DASHBOARD_PAGE_SIZE).map((a) => a.id);
  const rows = ids.length
    ? await db().app.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          name: true,
          description: true,
          provider: true,
          partner: { select: { id: true, name: true } },
          services: {
            select: {
              id: true,
              status: true,
              statusChangedAt: true,
              service: { select: { name: true, documentationUrl: true } },
            },
            orderBy: { statusChangedAt: "desc" },
          },
        },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const apps = ids.map((id) => byId.get(id)).filter((a) => a !== undefined);
  return { apps, page, pageCount, total: index.length, search, grouped };
}

/** One app the user may see, or null (missing, malformed id, or another partner's). */
export async function findApp(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  return db().app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)] },
    select: {
      id: true,
      name: true,
      description: true,
      provider: true,
      credentialType: true,
      createdAt: true,
      updatedAt: true,
      partner: { select: { id: true, name: true } },
    },
  });
}

/** The app's services, most recent provisioning change first. Null when the app is not visible. */
export async function listAppServices(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)] },
    select: {
      services: {
        orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          statusChangedAt: true,
          /** Moves name the version the page showed (lib/data/provisioning.ts moveService). */
          version: true,
          service: {
            select: {
              id: true,
              name: true,
              description: true,
              reviewRequired: true,
              documentationUrl: true,
              testingToolUrl: true,
            },
          },
        },
      },
    },
  });
  return app?.services ?? null;
}
