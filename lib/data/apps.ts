import "server-only";
// Apps and their services, as the console pages read them. Authorization sits inside every
// query: a member's reads are filtered by their partner, so another partner's app is
// indistinguishable from a missing one (both are null → 404).
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { can } from "../auth/permissions";
import type { SessionUser } from "./users";
import { isUuid } from "../ids";
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
 * The dashboard: one page of apps in alphabetical order (lib/sort.ts), with their services.
 * The order is the stored sort key (docs/decisions/005), so the page is cut in SQL: a count and
 * one page of apps, whatever the number of apps.
 */
export async function listDashboardApps(user: SessionUser, query: DashboardQuery = {}) {
  const search = query.search?.trim().slice(0, 100) ?? "";
  const where: Prisma.AppWhereInput = {
    AND: [visibleApps(user), search ? { name: { contains: search, mode: "insensitive" } } : {}],
  };
  const grouped = can(user.role, "apps:view-all");
  const total = await db().app.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pageCount);
  // Keys are unique (they end with the exact name, unique per partner): a total order.
  const orderBy: Prisma.AppOrderByWithRelationInput[] = grouped
    ? [{ partner: { sortName: "asc" } }, { sortName: "asc" }]
    : [{ sortName: "asc" }];
  const apps = total
    ? await db().app.findMany({
        where,
        orderBy,
        skip: (page - 1) * DASHBOARD_PAGE_SIZE,
        take: DASHBOARD_PAGE_SIZE,
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
  return { apps, page, pageCount, total, search, grouped };
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
      /** SEEK apps show the services tab only when they have services. */
      _count: { select: { services: true } },
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
