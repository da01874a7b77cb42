import "server-only";
// Everything an app's "APIs and services" tab reads, in one prepared statement on the driver
// (docs/decisions/014, 035): the app for the header, its services, its status history (removed
// services' included) and the catalog of its provider with the rules that decide what can be
// requested. The page and every poll of an open tab read it; through Prisma it was five
// statements. The tenant filter is in the statement: another partner's app, a missing one and a
// malformed id are all null.
import { visibleAppsParams } from "../auth/scope";
import { query, statement } from "../db";
import type { CredentialType, Provider, ProvisioningStatus, Role } from "../generated/prisma/enums";
import { isUuid } from "../ids";
import { requestability, type CatalogService } from "../provisioning/rules";
import type { SessionUser } from "./users";

interface ServicesTabRow {
  id: string;
  name: string;
  description: string;
  provider: Provider;
  credentialType: CredentialType;
  partnerName: string;
  /** JSON arrays, see the statement. */
  services: string;
  history: string;
  catalog: string;
}

/**
 * App $1 if visible ($2 every app, or partner $3's). Timestamps as epoch milliseconds (decision
 * 014). Services most recent change first, history newest first, catalog by name; each rule list
 * by name. In the implicit many-to-many tables Prisma keys a self-relation's rows by its two
 * fields in name order: "A" is the service whose first-named field (`bundledWith`, `conflictedBy`,
 * `requiredBy`) lists "B".
 */
const READ_SERVICES_TAB = statement<ServicesTabRow>(
  "read_services_tab",
  `SELECT a."id"::text AS "id", a."name", a."description", a."provider"::text AS "provider",
          a."credentialType"::text AS "credentialType", p."name" AS "partnerName",
          (SELECT COALESCE(json_agg(json_build_object(
                    'id', s."id", 'status', s."status", 'version', s."version",
                    'statusChangedAtMs', EXTRACT(EPOCH FROM s."statusChangedAt") * 1000,
                    'service', json_build_object('id', sv."id", 'name', sv."name", 'description', sv."description",
                                                 'reviewRequired', sv."reviewRequired", 'documentationUrl', sv."documentationUrl",
                                                 'testingToolUrl', sv."testingToolUrl", 'slug', sv."slug"))
                  ORDER BY s."statusChangedAt" DESC, s."id"), '[]')::text
           FROM "AppService" s JOIN "Service" sv ON sv."id" = s."serviceId"
           WHERE s."appId" = a."id") AS "services",
          (SELECT COALESCE(json_agg(json_build_object(
                    'id', c."id", 'serviceId', c."serviceId", 'fromStatus', c."fromStatus", 'toStatus', c."toStatus",
                    'note', c."note", 'createdAtMs', EXTRACT(EPOCH FROM c."createdAt") * 1000,
                    'actor', CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('name', u."name", 'role', u."role") END,
                    'serviceName', sv."name")
                  ORDER BY c."createdAt" DESC, c."id" DESC), '[]')::text
           FROM "ServiceStatusChange" c
           JOIN "Service" sv ON sv."id" = c."serviceId"
           LEFT JOIN "User" u ON u."id" = c."actorId"
           WHERE c."appId" = a."id") AS "history",
          (SELECT COALESCE(json_agg(json_build_object(
                    'id', sv."id", 'name', sv."name", 'provider', sv."provider", 'description', sv."description",
                    'reviewRequired', sv."reviewRequired",
                    'requires', (SELECT COALESCE(json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY o."name"), '[]')
                                 FROM "_ServiceRequirements" r JOIN "Service" o ON o."id" = r."A" WHERE r."B" = sv."id"),
                    'conflictsWith', (SELECT COALESCE(json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY o."name"), '[]')
                                      FROM "_ServiceConflicts" r JOIN "Service" o ON o."id" = r."A" WHERE r."B" = sv."id"),
                    'conflictedBy', (SELECT COALESCE(json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY o."name"), '[]')
                                     FROM "_ServiceConflicts" r JOIN "Service" o ON o."id" = r."B" WHERE r."A" = sv."id"),
                    'bundles', (SELECT COALESCE(json_agg(json_build_object('id', o."id", 'name', o."name") ORDER BY o."name"), '[]')
                                FROM "_ServiceBundles" r JOIN "Service" o ON o."id" = r."A" WHERE r."B" = sv."id"))
                  ORDER BY sv."name"), '[]')::text
           FROM "Service" sv
           WHERE sv."provider" = a."provider") AS "catalog"
   FROM "App" a
   JOIN "Partner" p ON p."id" = a."partnerId"
   WHERE a."id" = $1::uuid AND ($2::boolean OR a."partnerId" = $3::uuid)`,
);

interface ServiceJson {
  id: string;
  status: ProvisioningStatus;
  version: number;
  statusChangedAtMs: number;
  service: {
    id: string;
    name: string;
    description: string;
    reviewRequired: boolean;
    documentationUrl: string;
    testingToolUrl: string | null;
    slug: string;
  };
}

interface HistoryJson {
  id: string;
  serviceId: string;
  fromStatus: ProvisioningStatus | null;
  toStatus: ProvisioningStatus | null;
  note: string | null;
  createdAtMs: number;
  actor: { name: string; role: Role } | null;
  serviceName: string;
}

type CatalogJson = CatalogService & { description: string; reviewRequired: boolean };

/** The services tab of `appId` as `user` may see it, or null (missing, malformed id, or another partner's). */
export async function readServicesTab(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const [row] = await query(READ_SERVICES_TAB, [appId, ...visibleAppsParams(user)]);
  if (!row) return null;
  const services = (JSON.parse(row.services) as ServiceJson[]).map(({ statusChangedAtMs, ...s }) => ({
    ...s,
    statusChangedAt: new Date(statusChangedAtMs),
  }));
  const history = (JSON.parse(row.history) as HistoryJson[]).map(({ createdAtMs, serviceName, ...h }) => ({
    ...h,
    createdAt: new Date(createdAtMs),
    service: { name: serviceName },
  }));
  const present = new Set(services.map((s) => s.service.id));
  const options = (JSON.parse(row.catalog) as CatalogJson[])
    .filter((service) => !present.has(service.id))
    .map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description,
      reviewRequired: service.reviewRequired,
      verdict: requestability(service, { provider: row.provider, present }),
    }));
  return {
    app: {
      id: row.id,
      name: row.name,
      description: row.description,
      provider: row.provider,
      credentialType: row.credentialType,
      partner: { name: row.partnerName },
      _count: { services: services.length },
    },
    services,
    history,
    options,
  };
}

export type ServicesTab = NonNullable<Awaited<ReturnType<typeof readServicesTab>>>;
