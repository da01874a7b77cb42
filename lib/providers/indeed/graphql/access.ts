import "server-only";
// Who is calling the GraphQL APIs: the Indeed access token (client credentials, employer_access),
// its client's provisioning statuses read fresh on every request (no cache may outlive an admin's
// status change), and the client's rolling-minute rate limit, all in one statement.
import { bearerToken, MissingBearer } from "../../../oauth/bearer";
import { isOAuthError } from "../../../oauth/errors";
import { tokenScopes } from "../../../oauth/protected-resource";
import { query, statement } from "../../../db";
import { isProvisioningStatus } from "../../../status";
import { INDEED_POLICY } from "../policy";
import { INDEED_BEARER } from "../resources";
import type { Statuses } from "../../../provisioning/indeed-apis";

export class Unauthenticated extends Error {
  override name = "Unauthenticated";
}

export interface Caller {
  /** Client.id (the database row), which every stored record hangs from. */
  clientRowId: string;
  clientId: string;
  partnerId: string;
  employerIdType: string | null;
  statuses: Statuses;
}

export type Admission = { admitted: true; caller: Caller } | { admitted: false; retryAfterS: number };

/**
 * The verified client id (`azp`) of a 2-legged token with employer_access. The bearer steps of
 * Indeed's other resources (lib/oauth/protected-resource.ts), answered in GraphQL's shape: these
 * APIs report an unusable token as UNAUTHENTICATED, not with RFC 6750's 401.
 */
export async function authenticate(request: Request): Promise<string> {
  let claims;
  try {
    claims = await INDEED_BEARER.verify(await bearerToken(request), request);
  } catch (error) {
    if (error instanceof MissingBearer) throw new Unauthenticated("An access token is required: send `Authorization: Bearer <token>`.");
    if (isOAuthError(error)) throw new Unauthenticated(error.description);
    throw error;
  }
  const azp = typeof claims.azp === "string" ? claims.azp : "";
  if (!azp || claims.sub !== `app:${azp}`) {
    throw new Unauthenticated("These APIs take an access token from the client credentials flow (a 2-legged token).");
  }
  if (!tokenScopes(claims).includes(INDEED_POLICY.employerScope)) {
    throw new Unauthenticated(`The access token needs the ${INDEED_POLICY.employerScope} scope.`);
  }
  return azp;
}

interface AdmissionRow {
  id: string;
  partnerId: string;
  employerIdType: string | null;
  services: string[];
  recent: number;
  oldestMs: number | null;
  accepted: number;
}

/**
 * The client with its app's service statuses, and one hit of its rolling-minute window: the hit
 * is recorded only when fewer than $4 were accepted in the minute before $3 (epoch ms), and the
 * client's hits older than that minute are deleted in the same statement, so the table holds at
 * most one minute of accepted requests per client. The count stops at $4 (the oldest hits
 * first, so the oldest is still known for Retry-After): a request reads at most the limit's
 * worth of hits, however fast the client sends.
 */
const ADMIT = statement<AdmissionRow>(
  "indeed_graphql_admit",
  `WITH client AS (
     SELECT c."id", a."partnerId", p."employerIdType",
            ARRAY(SELECT s."slug" || ' ' || x."status"::text FROM "AppService" x JOIN "Service" s ON s."id" = x."serviceId"
                  WHERE x."appId" = a."id") AS "services"
     FROM "Client" c JOIN "App" a ON a."id" = c."appId" JOIN "Partner" p ON p."id" = a."partnerId"
     WHERE c."clientId" = $1 AND a."provider"::text = 'INDEED' AND a."credentialType"::text = 'OAUTH2'
   ),
   recent AS (
     SELECT count(*)::float8 AS "recent", (EXTRACT(EPOCH FROM min(w."at")) * 1000)::float8 AS "oldestMs"
     FROM (SELECT h."at" FROM "IndeedGraphqlHit" h
           WHERE h."clientId" = (SELECT "id" FROM client) AND h."at" > to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'
           ORDER BY h."at" LIMIT ($4::float8)::bigint) w
   ),
   accepted AS (
     INSERT INTO "IndeedGraphqlHit" ("clientId", "at")
     SELECT client."id", to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC' FROM client, recent WHERE recent."recent" < $4
     RETURNING 1
   ),
   pruned AS (
     DELETE FROM "IndeedGraphqlHit" h
     WHERE h."clientId" = (SELECT "id" FROM client) AND h."at" <= to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'
   )
   SELECT client."id"::text, client."partnerId"::text, client."employerIdType", client."services",
          recent."recent", recent."oldestMs", (SELECT count(*) FROM accepted)::float8 AS "accepted"
   FROM client, recent`,
);

const WINDOW_MS = 60_000;

/** Admits one request of `clientId` under `perMinute`, or says when to retry; null: no such client. */
export async function admit(clientId: string, perMinute: number, now = new Date()): Promise<Admission | null> {
  const nowMs = now.getTime();
  const [row] = await query(ADMIT, [clientId, nowMs - WINDOW_MS, nowMs, perMinute]);
  if (!row) return null;
  if (row.accepted < 1) {
    const freesAt = (row.oldestMs ?? nowMs) + WINDOW_MS;
    return { admitted: false, retryAfterS: Math.max(1, Math.ceil((freesAt - nowMs) / 1000)) };
  }
  const statuses: Statuses = {};
  for (const entry of row.services) {
    const [slug, status] = entry.split(" ") as [string, string];
    if (isProvisioningStatus(status)) statuses[slug] = status;
  }
  return {
    admitted: true,
    caller: { clientRowId: row.id, clientId, partnerId: row.partnerId, employerIdType: row.employerIdType, statuses },
  };
}
