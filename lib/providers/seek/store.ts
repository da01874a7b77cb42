// No "server-only" marker: the token benchmark's seeding imports neighbouring modules under tsx.
// What the SEEK emulator (lib/providers/seek) reads and writes: credentials and their secrets,
// the partner token lifetime setting, hirers the partner has relationships with, and the
// request records. The token endpoint's read is one prepared statement (docs/decisions/014);
// every hirer read is filtered by partner and environment inside the query, so a resolver
// cannot see another partner's or the other environment's hirers.
import { db, query, statement } from "../../db";
import { matchesVerifier } from "../../crypto/secret-box";
import { clientAuthFailed, clientAuthFailureKey, countFailure, lockout } from "../../oauth/client-auth-throttle";
import type { OAuthError } from "../../oauth/errors";
import { markSecretUsed } from "../../oauth/last-used";
import {
  DEFAULT_PARTNER_TOKEN_EXPIRES_IN,
  isSeekRelationshipType,
  SEEK_REQUEST_RECORD_RETENTION_DAYS,
  sortRelationshipTypes,
} from "../../credentials/seek";
import type { SeekEndpoint, SeekEnvironment, SeekRelationshipType } from "../../generated/prisma/enums";
import type { HirerPage, HirerPageQuery, HirerView, ListedHirer, SeekGraphSource } from "./graphql/source";

export type { SeekEndpoint };


const MAX_CREDENTIAL_LENGTH = 512;

export interface SeekCredential {
  id: string;
  clientId: string;
  appId: string;
  partnerId: string;
  environment: SeekEnvironment;
}

interface CredentialRow {
  id: string;
  clientId: string;
  appId: string;
  partnerId: string;
  environment: SeekEnvironment;
  expiresIn: number | null;
  failures: number | null;
  failuresSinceMs: number | null;
  secretId: string | null;
  verifier: Uint8Array | null;
  lastUsedMs: number | null;
}

/**
 * The credential named by client_id with its active secrets (not revoked, overlap not ended at
 * $2, epoch ms), one row per secret, the client_id's failure counter (RateLimit key $3,
 * lib/oauth/client-auth-throttle.ts) and the partner token lifetime setting: one round trip.
 */
const FIND_CREDENTIAL = statement<CredentialRow>(
  "find_seek_credential",
  `SELECT c."id"::text, c."clientId", c."appId"::text AS "appId", a."partnerId"::text AS "partnerId",
          c."environment"::text AS "environment", st."partnerTokenExpiresIn" AS "expiresIn",
          f."count"::float8 AS "failures",
          (EXTRACT(EPOCH FROM f."windowStart") * 1000)::float8 AS "failuresSinceMs",
          s."id"::text AS "secretId", s."verifier",
          (EXTRACT(EPOCH FROM s."lastUsedAt") * 1000)::float8 AS "lastUsedMs"
   FROM "SeekCredential" c
   JOIN "App" a ON a."id" = c."appId" AND a."provider" = 'SEEK'
   LEFT JOIN "SeekSettings" st ON st."id" = 1
   LEFT JOIN "RateLimit" f ON f."key" = $3
   LEFT JOIN "SeekClientSecret" s ON s."credentialId" = c."id" AND s."revokedAt" IS NULL
     AND (s."expiresAt" IS NULL OR s."expiresAt" > to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC')
   WHERE c."clientId" = $1`,
);

export interface SeekAuthentication {
  /** The credential client_id named, even when authentication failed (for its records). */
  credential: SeekCredential | null;
  /** Null when authenticated; else invalid_client, or 429 past the failure limit. */
  failure: OAuthError | null;
  /** The partner token lifetime setting, read in the same statement. */
  expiresIn: number;
}

/**
 * Checks a client secret against every active secret of the credential, in constant time
 * each, so the time taken does not say which matched. Unknown, wrong, revoked and expired all
 * fail the same way and count towards the client_id's failure limit, as Indeed's do.
 */
export async function authenticateSeekCredential(clientId: string, secret: string, now = new Date()): Promise<SeekAuthentication> {
  const refused = (failure: OAuthError, credential: SeekCredential | null = null, expiresIn = DEFAULT_PARTNER_TOKEN_EXPIRES_IN) => ({
    credential,
    failure,
    expiresIn,
  });
  if (clientId.length > MAX_CREDENTIAL_LENGTH || secret.length > MAX_CREDENTIAL_LENGTH || clientId.includes("\0")) {
    return refused(clientAuthFailed());
  }
  const rows = await query(FIND_CREDENTIAL, [clientId, now.getTime(), clientAuthFailureKey("SEEK", clientId)]);
  const row = rows[0];
  if (!row) return refused(await countFailure("SEEK", clientId, now));
  const credential = { id: row.id, clientId: row.clientId, appId: row.appId, partnerId: row.partnerId, environment: row.environment };
  const expiresIn = row.expiresIn ?? DEFAULT_PARTNER_TOKEN_EXPIRES_IN;
  const locked = lockout(row.failures, row.failuresSinceMs, now);
  if (locked) return refused(locked, credential, expiresIn);
  const matched = rows.filter((r) => r.verifier !== null && matchesVerifier(secret, r.verifier));
  const used = matched[0];
  if (!used?.secretId) return refused(await countFailure("SEEK", clientId, now), credential, expiresIn);
  const { secretId } = used;
  await markSecretUsed(used.lastUsedMs, now, (stale) => db().seekClientSecret.updateMany({ where: { id: secretId, ...stale }, data: { lastUsedAt: now } }));
  return { credential, failure: null, expiresIn };
}

export interface SeekTokenCredential extends SeekCredential {
  /** "Expire issued tokens now": tokens issued before it are refused. */
  tokensNotBefore: Date | null;
}

interface TokenCredentialRow {
  id: string;
  clientId: string;
  appId: string;
  partnerId: string;
  environment: SeekEnvironment;
  tokensNotBeforeMs: number | null;
}

const FIND_TOKEN_CREDENTIAL = statement<TokenCredentialRow>(
  "find_seek_token_credential",
  `SELECT c."id"::text, c."clientId", c."appId"::text AS "appId", a."partnerId"::text AS "partnerId",
          c."environment"::text AS "environment",
          (EXTRACT(EPOCH FROM c."tokensNotBefore") * 1000)::float8 AS "tokensNotBeforeMs"
   FROM "SeekCredential" c
   JOIN "App" a ON a."id" = c."appId" AND a."provider" = 'SEEK'
   WHERE c."clientId" = $1`,
);

/** The credential a token names (`azp`), read on every use: the cut-off reaches every instance. */
export async function seekTokenCredential(clientId: string): Promise<SeekTokenCredential | null> {
  if (clientId.length > MAX_CREDENTIAL_LENGTH || clientId.includes("\0")) return null;
  const row = (await query(FIND_TOKEN_CREDENTIAL, [clientId]))[0];
  if (!row) return null;
  const { tokensNotBeforeMs, ...credential } = row;
  return { ...credential, tokensNotBefore: tokensNotBeforeMs === null ? null : new Date(tokensNotBeforeMs) };
}

// ─── Hirers ─────────────────────────────────────────────────────────────────────────────────

const HIRER_SELECT = {
  id: true,
  name: true,
  sortName: true,
  seekAnzAdvertiserId: true,
  relationships: { select: { types: true } },
} as const;

interface HirerRow {
  id: string;
  name: string;
  sortName: string;
  seekAnzAdvertiserId: number | null;
  relationships: { types: SeekRelationshipType[] }[];
}

function view(row: HirerRow): ListedHirer {
  return {
    id: row.id,
    name: row.name,
    sortName: row.sortName,
    // SEEK's advertiser ids belong to the seekAnz schemes; a Playground hirer may carry one too.
    seekAnzAdvertiserId: row.seekAnzAdvertiserId,
    relationshipTypeCodes: sortRelationshipTypes(row.relationships.flatMap((r) => r.types)),
    // The emulated world configures no extra application methods for its hirers.
    applicationMethodCodes: [],
  };
}

/** Hirers of `environment` the partner has a relationship with; `relationships` then holds only its own. */
function relatedWhere(partnerId: string, environment: SeekEnvironment) {
  return { environment, relationships: { some: { partnerId } } };
}

function relationshipsOf(partnerId: string) {
  return { ...HIRER_SELECT, relationships: { where: { partnerId }, select: { types: true } } };
}

/**
 * The ids of the partner's hirers with any of `codes`. Raw, because the driver adapters bind an
 * enum-array filter (`hasSome`, `has`) as text, which PostgreSQL refuses as an array literal.
 */
async function hirerIdsWithTypes(partnerId: string, codes: string[]): Promise<string[]> {
  const rows = await db().$queryRaw<{ hirerId: string }[]>`
    SELECT "hirerId" FROM "SeekHirerRelationship"
    WHERE "partnerId" = ${partnerId}::uuid AND "types" && ${codes}::text[]::"SeekRelationshipType"[]`;
  return rows.map((r) => r.hirerId);
}

function pageWhere(partnerId: string, environment: SeekEnvironment, q: HirerPageQuery, beyond: boolean, typedIds?: string[]) {
  const forward = q.direction === "forward";
  // Beyond: the other side of the cursor, the cursor's own row included.
  const after = beyond ? !forward : forward;
  const cursor = q.cursor;
  const keyset = cursor
    ? after
      ? { OR: [{ sortName: { gt: cursor.sortName } }, { sortName: cursor.sortName, id: beyond ? { gte: cursor.id } : { gt: cursor.id } }] }
      : { OR: [{ sortName: { lt: cursor.sortName } }, { sortName: cursor.sortName, id: beyond ? { lte: cursor.id } : { lt: cursor.id } }] }
    : {};
  const relationship = { partnerId };
  return {
    environment,
    relationships: { some: relationship },
    ...(q.onlyHirerId !== undefined ? { id: q.onlyHirerId } : {}),
    ...(typedIds ? { AND: [{ id: { in: typedIds } }] } : {}),
    ...(q.nameSearch ? { name: { contains: q.nameSearch, mode: "insensitive" as const } } : {}),
    ...keyset,
  };
}

export function seekGraphSource(partnerId: string, environment: SeekEnvironment): SeekGraphSource {
  const select = relationshipsOf(partnerId);
  /** With a type filter: the hirer ids it allows (unknown codes match nothing). */
  const typed = async (q: HirerPageQuery) => {
    if (!q.relationshipTypeCodes) return undefined;
    const known = q.relationshipTypeCodes.filter(isSeekRelationshipType);
    return known.length === 0 ? [] : hirerIdsWithTypes(partnerId, known);
  };
  return {
    async partner() {
      const row = await db().partner.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true, seekLiveSelfService: true } });
      return { name: row.name, credentialSelfServiceApprovedIndicator: row.seekLiveSelfService };
    },
    async hirer(id: string): Promise<HirerView | null> {
      const row = await db().seekHirer.findFirst({ where: { id, ...relatedWhere(partnerId, environment) }, select });
      return row ? view(row) : null;
    },
    async hirerByAdvertiserId(advertiserId: number): Promise<HirerView | null> {
      const row = await db().seekHirer.findFirst({ where: { seekAnzAdvertiserId: advertiserId, ...relatedWhere(partnerId, environment) }, select });
      return row ? view(row) : null;
    },
    async hirers(q: HirerPageQuery): Promise<HirerPage> {
      const typedIds = await typed(q);
      if (typedIds?.length === 0) return { items: [], more: false };
      const order = q.direction === "forward" ? "asc" : "desc";
      const rows = await db().seekHirer.findMany({
        where: pageWhere(partnerId, environment, q, false, typedIds),
        orderBy: [{ sortName: order }, { id: order }],
        take: q.limit + 1,
        select,
      });
      const items = rows.slice(0, q.limit).map(view);
      if (q.direction === "backward") items.reverse();
      return { items, more: rows.length > q.limit };
    },
    async anyBeyond(q: HirerPageQuery): Promise<boolean> {
      if (!q.cursor) return false;
      const typedIds = await typed(q);
      if (typedIds?.length === 0) return false;
      const row = await db().seekHirer.findFirst({ where: pageWhere(partnerId, environment, q, true, typedIds), select: { id: true } });
      return row !== null;
    },
  };
}

// ─── Request records ────────────────────────────────────────────────────────────────────────

export interface SeekRequestRecordInput {
  endpoint: SeekEndpoint;
  at: Date;
  credential: Pick<SeekCredential, "id" | "appId" | "environment"> | null;
  httpStatus: number;
  /** Null on success. */
  errorCode: string | null;
  errorMessage: string | null;
  operationName?: string | null;
  hirerId?: string | null;
  userAgent: string | null;
  xRequestId: string | null;
  xSessionId: string | null;
}

const INSERT_RECORD = statement<{ id: string }>(
  "insert_seek_request_record",
  `INSERT INTO "SeekRequestRecord" ("id", "createdAt", "endpoint", "credentialId", "appId", "environment", "httpStatus",
     "errorCode", "errorMessage", "operationName", "hirerId", "userAgent", "xRequestId", "xSessionId")
   VALUES (gen_random_uuid(), to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC', $2::"SeekEndpoint", $3::uuid, $4::uuid,
     $5::"SeekEnvironment", $6::int, $7, $8, $9, $10, $11, $12, $13)
   RETURNING "id"::text`,
);

const MAX_TEXT = 200;
const clip = (value: string | null | undefined) => (value ? value.replaceAll("\0", "").slice(0, MAX_TEXT) : null);

export async function insertSeekRequestRecord(r: SeekRequestRecordInput): Promise<void> {
  await query(INSERT_RECORD, [
    r.at.getTime(),
    r.endpoint,
    r.credential?.id ?? null,
    r.credential?.appId ?? null,
    r.credential?.environment ?? null,
    r.httpStatus,
    clip(r.errorCode),
    clip(r.errorMessage),
    clip(r.operationName),
    clip(r.hirerId),
    clip(r.userAgent),
    clip(r.xRequestId),
    clip(r.xSessionId),
  ]);
}

/** Deletes records past the retention period; returns how many. */
export async function pruneSeekRequestRecords(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SEEK_REQUEST_RECORD_RETENTION_DAYS * 24 * 3600 * 1000);
  const { count } = await db().seekRequestRecord.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
