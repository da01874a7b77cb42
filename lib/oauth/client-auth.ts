import "server-only";
// Client authentication at the token endpoint.
// @see RFC 6749 §2.3.1 — client_secret_basic (form-urlencoded, then base64) or client_secret_post,
//   never both; §3.2.1 — public clients identify themselves with client_id alone.
// One prepared statement (docs/decisions/014) reads the client, its app's partner, registrant and
// the registrant's employers, and its active secrets; a secret is checked against every active
// verifier in constant time. A successful authentication marks the secret as used ("last used"
// in the console), written at most once a minute per secret so that a busy client costs no write
// per request.
import { db, query, statement } from "../db";
import { matchesVerifier } from "../crypto/secret-box";
import type { GrantReviewStatus, GrantType, Provider } from "../generated/prisma/enums";
import { clientAuthFailed, clientAuthFailureKey, countFailure, lockout } from "./client-auth-throttle";
import { InvalidClient, InvalidRequest } from "./errors";
import type { FormParams } from "./http";
import { markSecretUsed } from "./last-used";


const MAX_CREDENTIAL_LENGTH = 512;

export type AuthMethod = "client_secret_basic" | "client_secret_post" | "none";

export interface PresentedCredentials {
  method: AuthMethod;
  clientId: string;
  secret?: string;
}

export interface AuthenticatedClient {
  /** Client.id (uuid). */
  id: string;
  /** The public client_id. */
  clientId: string;
  isPublic: boolean;
  grantTypes: GrantType[];
  reviewStatus: GrantReviewStatus | null;
  partnerId: string;
  /**
   * The sandbox account that registered the partner's apps (2-legged tokens act for it), with
   * its employers' ids, read in the same statement so the employer check needs no query.
   */
  registrant: { id: string; subject: string; employerIds: string[] } | null;
  method: AuthMethod;
}

/** Whether the request carried HTTP Basic credentials (invalid_client then adds WWW-Authenticate). */
export function usesBasic(request: Request): boolean {
  return /^basic(\s|$)/i.test(request.headers.get("authorization")?.trim() ?? "");
}

function decodeBasicPart(part: string): string {
  // @see RFC 6749 §2.3.1 / Appendix B: each part is form-urlencoded before base64.
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    throw new InvalidClient("The Authorization header is malformed.");
  }
}

/** The credentials the request presents, by exactly one method. */
export function presentedCredentials(request: Request, params: FormParams): PresentedCredentials {
  const authorization = request.headers.get("authorization")?.trim();
  const bodyId = params.get("client_id");
  const bodySecret = params.get("client_secret");
  if (authorization) {
    const match = /^basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(authorization);
    if (!usesBasic(request)) throw new InvalidRequest("Only the Basic authentication scheme is supported here.");
    if (!match) throw new InvalidClient("The Authorization header is malformed.");
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new InvalidClient("The Authorization header is malformed.");
    const clientId = decodeBasicPart(decoded.slice(0, colon));
    const secret = decodeBasicPart(decoded.slice(colon + 1));
    // @see RFC 6749 §2.3: the client MUST NOT use more than one authentication method.
    if (bodySecret !== undefined) {
      throw new InvalidRequest("Client credentials were sent both in the Authorization header and in the body.");
    }
    if (bodyId !== undefined && bodyId !== clientId) {
      throw new InvalidRequest("The client_id in the body differs from the one in the Authorization header.");
    }
    if (!clientId) throw new InvalidClient("The Authorization header names no client.");
    return { method: "client_secret_basic", clientId, secret: secret === "" ? undefined : secret };
  }
  if (bodyId === undefined) throw new InvalidClient("Client authentication is missing.");
  return bodySecret === undefined
    ? { method: "none", clientId: bodyId }
    : { method: "client_secret_post", clientId: bodyId, secret: bodySecret };
}

/** The prepared statement's row: the client's own columns as authenticated, then the joins. */
interface ClientRow extends Omit<AuthenticatedClient, "registrant" | "method"> {
  registrantId: string | null;
  registrantSubject: string | null;
  registrantEmployerIds: string[] | null;
  /** One row per active secret (none: a single row with nulls). */
  secretId: string | null;
  verifier: Uint8Array | null;
  /** The secret's lastUsedAt in epoch milliseconds. */
  lastUsedMs: number | null;
  /** The client_id's failed authentications in the current window (client-auth-throttle.ts). */
  failures: number | null;
  /** When that window started, in epoch milliseconds. */
  failuresSinceMs: number | null;
}

/**
 * The client with its active secrets (not revoked, not expired at $3, epoch ms): one row per
 * secret, each with the client_id's failure counter (RateLimit key $4); the console's
 * activeSecretWhere (lib/credentials/secrets.ts) is the same secret condition. The token
 * endpoint's hottest read, so it runs as a prepared statement on the driver.
 */
const FIND_CLIENT = statement<ClientRow>(
  "find_oauth_client",
  `SELECT c."id"::text, c."clientId", c."isPublic", c."grantTypes"::text[] AS "grantTypes",
          c."reviewStatus"::text AS "reviewStatus", a."partnerId"::text AS "partnerId",
          r."id"::text AS "registrantId", r."subject" AS "registrantSubject",
          CASE WHEN r."id" IS NOT NULL THEN ARRAY(
            SELECT m."A" FROM "_EmployerToSandboxAccount" m WHERE m."B" = r."id" ORDER BY m."A"
          ) END AS "registrantEmployerIds",
          s."id"::text AS "secretId", s."verifier",
          (EXTRACT(EPOCH FROM s."lastUsedAt") * 1000)::float8 AS "lastUsedMs",
          f."count"::float8 AS "failures",
          (EXTRACT(EPOCH FROM f."windowStart") * 1000)::float8 AS "failuresSinceMs"
   FROM "Client" c
   JOIN "App" a ON a."id" = c."appId"
   JOIN "Partner" p ON p."id" = a."partnerId"
   LEFT JOIN "SandboxAccount" r ON r."id" = p."registrantId"
   LEFT JOIN "ClientSecret" s ON s."clientId" = c."id" AND s."revokedAt" IS NULL
     AND (s."expiresAt" IS NULL OR s."expiresAt" > to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC')
   LEFT JOIN "RateLimit" f ON f."key" = $4
   WHERE c."clientId" = $1
     AND a."provider"::text = $2
     AND a."credentialType"::text = 'OAUTH2'`,
);

function findClient(provider: Provider, clientId: string, now: Date): Promise<ClientRow[]> {
  return query(FIND_CLIENT, [clientId, provider, now.getTime(), clientAuthFailureKey(provider, clientId)]);
}

/**
 * Authenticates the client the credentials name. An unknown client, a confidential client
 * without a secret, a public client presenting one, and a wrong, revoked or expired secret all
 * get the same invalid_client, so the answer reveals nothing about which it was or whether the
 * client exists. Failures are counted per client_id; past the limit the answer is 429
 * (lib/oauth/client-auth-throttle.ts). A public client presenting no secret has nothing to guess
 * and is never throttled.
 */
export async function authenticateClient(
  provider: Provider,
  credentials: PresentedCredentials,
  now = new Date(),
): Promise<AuthenticatedClient> {
  const tooLong = credentials.clientId.length > MAX_CREDENTIAL_LENGTH || (credentials.secret?.length ?? 0) > MAX_CREDENTIAL_LENGTH;
  // No client_id can be this long or hold NUL: nothing to look up, and nothing worth counting.
  if (tooLong || credentials.clientId.includes("\0")) throw clientAuthFailed();
  const rows = await findClient(provider, credentials.clientId, now);
  const row = rows[0];
  const failed = () => countFailure(provider, credentials.clientId, now);
  if (!row) throw await failed();
  let method = credentials.method;
  if (row.isPublic && credentials.secret === undefined) {
    method = "none";
  } else {
    const locked = lockout(row.failures, row.failuresSinceMs, now);
    if (locked) throw locked;
    // A public client has no secret: presenting one is a confused client, not a public one.
    if (row.isPublic || credentials.secret === undefined) throw await failed();
    const secret = credentials.secret;
    // Every verifier is checked, so the time taken does not say which secret matched.
    const matched = rows.filter((r) => r.verifier !== null && matchesVerifier(secret, r.verifier));
    const used = matched[0];
    if (!used?.secretId) throw await failed();
    const { secretId } = used;
    await markSecretUsed(used.lastUsedMs, now, (stale) => db().clientSecret.updateMany({ where: { id: secretId, ...stale }, data: { lastUsedAt: now } }));
  }
  return {
    id: row.id,
    clientId: row.clientId,
    isPublic: row.isPublic,
    grantTypes: row.grantTypes,
    reviewStatus: row.reviewStatus,
    partnerId: row.partnerId,
    registrant:
      row.registrantId && row.registrantSubject
        ? { id: row.registrantId, subject: row.registrantSubject, employerIds: row.registrantEmployerIds ?? [] }
        : null,
    method,
  };
}
