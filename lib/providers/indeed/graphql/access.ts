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
  /** The window's seconds (epoch), oldest first, and the requests accepted in each. */
  seconds: string[];
  counts: number[];
  accepted: number;
}

/**
 * The client with its app's service statuses, and one hit of its rolling-minute window, counted
 * per second ($2, epoch seconds): the hit is recorded only when fewer than $3 were accepted in
 * the window's 60 seconds (this one and the 59 before it). A request reads at most 60 rows
 * however high the limit is, and concurrent requests of one second meet on one row, whose count
 * is re-read once its lock is held, so they cannot together pass the limit. The client's seconds
 * older than the window are deleted in the same statement, skipping any row another request is
 * deleting, so no request waits on anything but its own second's row. That row stays locked
 * until the commit, so the commit does not wait for the write-ahead log to reach the disk
 * (`synchronous_commit` off for this statement's transaction alone): waiting for the flush
 * lined up a client's concurrent requests one behind the other. A hit is a counter, not data: a
 * database crash may forget the last fraction of a second's hits (decision 040).
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
   "window" AS (
     SELECT coalesce(array_agg(h."second"::text ORDER BY h."second"), '{}') AS "seconds",
            coalesce(array_agg(h."count" ORDER BY h."second"), '{}') AS "counts",
            coalesce(sum(h."count"), 0)::float8 AS "total",
            coalesce(sum(h."count") FILTER (WHERE h."second" < $2::bigint), 0)::float8 AS "before"
     FROM "IndeedGraphqlHits" h
     WHERE h."clientId" = (SELECT "id" FROM client) AND h."second" > $2::bigint - 60
   ),
   accepted AS (
     INSERT INTO "IndeedGraphqlHits" AS h ("clientId", "second", "count")
     SELECT client."id", $2::bigint, 1 FROM client, "window" WHERE "window"."total" < $3
     ON CONFLICT ("clientId", "second") DO UPDATE SET "count" = h."count" + 1
       WHERE h."count" + (SELECT "before" FROM "window") < $3
     RETURNING 1
   ),
   expired AS (
     SELECT o."clientId", o."second" FROM "IndeedGraphqlHits" o
     WHERE o."clientId" = (SELECT "id" FROM client) AND o."second" <= $2::bigint - 60
     FOR UPDATE SKIP LOCKED
   ),
   pruned AS (
     DELETE FROM "IndeedGraphqlHits" h USING expired
     WHERE h."clientId" = expired."clientId" AND h."second" = expired."second"
   )
   SELECT client."id"::text, client."partnerId"::text, client."employerIdType", client."services",
          "window"."seconds", "window"."counts", (SELECT count(*) FROM accepted)::float8 AS "accepted"
   FROM client, "window", (SELECT set_config('synchronous_commit', 'off', true)) AS "async"`,
);

const WINDOW_S = 60;

/** When the window frees a place: the second from which the oldest hits no longer count. */
function retryAfterS(row: AdmissionRow, perMinute: number, nowMs: number): number {
  let remaining = row.counts.reduce((sum, n) => sum + n, 0);
  let freesAtS = Math.floor(nowMs / 1000) + WINDOW_S;
  for (const [i, second] of row.seconds.entries()) {
    remaining -= row.counts[i] ?? 0;
    if (remaining < perMinute) {
      freesAtS = Number(second) + WINDOW_S;
      break;
    }
  }
  return Math.max(1, Math.ceil((freesAtS * 1000 - nowMs) / 1000));
}

/** Admits one request of `clientId` under `perMinute`, or says when to retry; null: no such client. */
export async function admit(clientId: string, perMinute: number, now = new Date()): Promise<Admission | null> {
  const nowMs = now.getTime();
  const [row] = await query(ADMIT, [clientId, Math.floor(nowMs / 1000), perMinute]);
  if (!row) return null;
  if (row.accepted < 1) return { admitted: false, retryAfterS: retryAfterS(row, perMinute, nowMs) };
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
