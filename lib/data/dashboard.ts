import "server-only";
// The dashboard's apps: one page in alphabetical order (lib/sort.ts), with their services. The
// order is the stored sort key (docs/decisions/005), so the page is cut in SQL whatever the number
// of apps. Every dashboard view and every poll of an open one reads it, so it is one prepared
// statement on the driver (docs/decisions/014, 035): the count, the clamped page and each app's
// services in one round trip, where Prisma took two statements and most of the data's CPU.
// Authorization is in the statement: the tenant filter (lib/auth/scope.ts) becomes its first two
// parameters.
import { can } from "../auth/permissions";
import { visibleAppsParams } from "../auth/scope";
import { query, statement } from "../db";
import type { Provider, ProvisioningStatus } from "../generated/prisma/enums";
import { DASHBOARD_PAGE_SIZE } from "../paging";
import type { SessionUser } from "./users";

export interface DashboardQuery {
  page?: number;
  /** Case-insensitive substring of the app name. */
  search?: string;
}

interface DashboardRow {
  total: number;
  /** Null on the one row of an empty result (the count still comes back). */
  id: string | null;
  name: string;
  description: string;
  provider: Provider;
  partnerId: string;
  partnerName: string;
  /** JSON: [{ id, status, name }], most recent change first. */
  services: string;
}

/**
 * Apps visible under ($1 every app, or $2's), whose name contains $3 case-insensitively ($3 is
 * a LIKE pattern escaped with `\`: likeLiteral makes a search match itself, `%` and `_` too),
 * ordered by partner first when $4, then by name; page $5 (clamped to the last) of $6 apps. One row per app, each with the total;
 * one row with a null id when the page is empty.
 */
const LIST_DASHBOARD_APPS = statement<DashboardRow>(
  "list_dashboard_apps",
  `WITH visible AS (
     SELECT a."id", a."name", a."description", a."provider", a."sortName", a."partnerId"
     FROM "App" a
     WHERE ($1::boolean OR a."partnerId" = $2::uuid)
       AND ($3::text = '' OR a."name" ILIKE '%' || $3::text || '%' ESCAPE '\\')
   ), counted AS (
     SELECT count(*)::int AS total FROM visible
   )
   SELECT c.total, x."id", x."name", x."description", x."provider", x."partnerId", x."partnerName", x."services"
   FROM counted c
   LEFT JOIN LATERAL (
     SELECT v."id"::text AS "id", v."name", v."description", v."provider"::text AS "provider",
            v."partnerId"::text AS "partnerId", p."name" AS "partnerName",
            (SELECT COALESCE(json_agg(json_build_object('id', s."id", 'status', s."status", 'name', sv."name")
                                      ORDER BY s."statusChangedAt" DESC, s."id"), '[]')::text
             FROM "AppService" s JOIN "Service" sv ON sv."id" = s."serviceId"
             WHERE s."appId" = v."id") AS "services"
     FROM visible v
     JOIN "Partner" p ON p."id" = v."partnerId"
     ORDER BY CASE WHEN $4::boolean THEN p."sortName" END, v."sortName"
     OFFSET (LEAST($5::int, GREATEST(1, CEIL(c.total / $6::numeric)::int)) - 1) * $6::int
     LIMIT $6::int
   ) x ON true`,
);

/** `text` as a LIKE pattern that matches exactly it: `%`, `_` and the escape `\` stand for themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** One page of the apps `user` may see, with their services; the page is clamped to the last. */
export async function listDashboardApps(user: SessionUser, request: DashboardQuery = {}) {
  const search = request.search?.trim().slice(0, 100) ?? "";
  const grouped = can(user.role, "apps:view-all");
  const requested = Math.max(1, Math.trunc(request.page ?? 1) || 1);
  const rows = await query(LIST_DASHBOARD_APPS, [...visibleAppsParams(user), likeLiteral(search), grouped, requested, DASHBOARD_PAGE_SIZE]);
  const total = rows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const apps = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      name: row.name,
      description: row.description,
      provider: row.provider,
      partner: { id: row.partnerId, name: row.partnerName },
      services: (JSON.parse(row.services) as { id: string; status: ProvisioningStatus; name: string }[]).map((s) => ({
        id: s.id,
        status: s.status,
        service: { name: s.name },
      })),
    }));
  return { apps, page: Math.min(requested, pageCount), pageCount, total, search, grouped };
}
