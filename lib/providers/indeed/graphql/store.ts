import "server-only";
// What each client sent to the simulated APIs, kept so it can read its jobs back and the console
// can show it. Every query is scoped to the calling client's row; each client keeps about
// RETENTION rows of each kind, the oldest pruned in batches as new ones arrive (decision 021).
// The hot operations (posting, expiring and reading jobs) are single statements on the driver
// (decision 014): no interactive transaction, one round trip each, atomic on their own.
import { randomUUID } from "node:crypto";
import { db, query, statement } from "../../../db";
import type { Prisma } from "../../../generated/prisma/client";
import { isUuid } from "../../../ids";
import { logUnexpected } from "../../../log";

export const RETENTION = { requests: 200, jobs: 1000, employers: 500, dispositions: 1000 } as const;

/**
 * Pruning runs once a process has written this many rows of a kind for a client since it last
 * pruned them (and on its first write for the client): a client holds at most RETENTION +
 * PRUNE_EVERY - 1 rows of a kind per server process once its requests have answered.
 */
export const PRUNE_EVERY = 20;

/** The longest query text and variables kept for a request; the rest is cut. */
const KEPT_CHARS = 20_000;

type Tx = Prisma.TransactionClient;

export interface RequestRecord {
  operationName: string | null;
  query: string;
  variables: unknown;
}

function cut(text: string): string {
  return text.length > KEPT_CHARS ? `${text.slice(0, KEPT_CHARS)}\n… (cut: ${text.length} characters in all)` : text;
}

/**
 * The request's operationName, query and variables as kept ($4, $5, $6 of the statements below,
 * which take $1 the time in epoch ms, $2 the request's id and $3 the client's row).
 */
function requestValues(request: RequestRecord) {
  const variables = request.variables == null ? null : cut(JSON.stringify(request.variables, null, 2));
  return [request.operationName?.slice(0, 255) ?? null, cut(request.query), variables];
}

const INSERT_REQUEST_COLUMNS = `"IndeedGraphqlRequest" ("id", "clientId", "operationName", "query", "variables", "createdAt")`;
const AT = `(to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC')`;

export async function recordRequest(tx: Tx, clientRowId: string, request: RequestRecord): Promise<string> {
  const [operationName, text, variables] = requestValues(request);
  const row = await tx.indeedGraphqlRequest.create({
    data: { clientId: clientRowId, operationName, query: text!, variables },
    select: { id: true },
  });
  return row.id;
}

type PrunedTable = "IndeedGraphqlRequest" | "IndeedJobPosting" | "IndeedEmployer" | "IndeedDisposition";

/** Rows written for a client, by table: what noteWritten counts. */
export type Written = Partial<Record<PrunedTable, number>>;

const PRUNED: Record<PrunedTable, { keep: number; column: string }> = {
  IndeedGraphqlRequest: { keep: RETENTION.requests, column: "createdAt" },
  IndeedJobPosting: { keep: RETENTION.jobs, column: "updatedAt" },
  IndeedEmployer: { keep: RETENTION.employers, column: "updatedAt" },
  IndeedDisposition: { keep: RETENTION.dispositions, column: "createdAt" },
};

/**
 * Deletes all but the client's ($1) RETENTION newest rows of each table, in one
 * statement that first waits for the client's prune lock (`pg_advisory_xact_lock`, held to its
 * end), so prunes of one client run one after another on every instance. Two DELETEs of
 * overlapping sets deadlock; and a prune of requests sets the requestId of the jobs that name
 * them to null, locking those jobs, so a job prune beside it that skipped locked rows deleted
 * nothing (decision 039). The lock is taken before any row is read for deletion, so a waiting
 * prune holds no row, and writes never wait for it. Its snapshot may predate the prune it waited
 * for: the rows that prune deleted are skipped, and rows written since are not among the ones it
 * keeps, so it deletes no more than it should. Each table's index on (clientId, column DESC,
 * id DESC) hands the rows over newest first (the console's lists read the same order), and the
 * statement is planned without bitmap scans, sequential scans or sorts, so it walks that index
 * whatever the statistics say. Only an index scan marks the entries of deleted rows dead as it
 * passes them: a bitmap scan, which statistics taken while the table was small choose, visits
 * every dead row's page again on every prune until autovacuum comes (decision 040). A prune a
 * crash forgets is done again by the next one, so its commit does not wait for the disk. Table and
 * column names come from the constant map above, never from input.
 */
function pruneStatement(tables: PrunedTable[]) {
  const deletes = tables.map((table, i) => {
    const { keep, column } = PRUNED[table];
    return `d${i} AS (
       DELETE FROM "${table}" WHERE (SELECT "locked" FROM lock) AND "id" IN (
         SELECT d."id" FROM "${table}" d WHERE d."clientId" = $1::uuid
         ORDER BY d."${column}" DESC, d."id" DESC OFFSET ${keep})
       RETURNING 1)`;
  });
  return statement<{ deleted: number }>(
    `indeed_prune_${tables.map((t) => t.replace(/^Indeed/, "").toLowerCase()).join("_")}`,
    `WITH lock AS (SELECT true AS "locked" FROM pg_advisory_xact_lock(hashtextextended('indeed-graphql-prune:' || $1, 0))),
     ${deletes.join(",\n     ")}
     SELECT (${tables.map((_, i) => `(SELECT count(*) FROM d${i})`).join(" + ")})::float8 AS "deleted"`,
    { without: ["bitmapscan", "seqscan", "sort"], asynchronousCommit: true },
  );
}

/** Tables in the order their rows are deleted; one statement per set of tables due together. */
const PRUNE_ORDER = Object.keys(PRUNED) as PrunedTable[];
const pruneStatements = new Map<string, ReturnType<typeof pruneStatement>>();

function prune(tables: PrunedTable[], clientRowId: string): Promise<unknown> {
  const ordered = PRUNE_ORDER.filter((t) => tables.includes(t));
  const key = ordered.join(" ");
  let prepared = pruneStatements.get(key);
  if (!prepared) pruneStatements.set(key, (prepared = pruneStatement(ordered)));
  return query(prepared, [clientRowId]);
}

/** Rows written per table and client since this process last pruned them; bounded, oldest entry dropped first. */
const written = new Map<string, number>();
const TRACKED_CLIENTS = 5_000;

/**
 * Lock conflicts a prune may lose: it is simply run again on the next write. PostgreSQL's codes,
 * as the driver gives them or as Prisma wraps them (P2034, or P2010 with the code in `meta`).
 */
const CONTENTION = new Set(["40P01", "40001", "55P03", "P2034"]);

function isContention(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { code?: unknown } };
  return CONTENTION.has(String(code)) || CONTENTION.has(String(meta?.code));
}

/**
 * Counts the client's new rows per table and prunes the tables where PRUNE_EVERY have been
 * written (or on the first write this process sees), all of them in one statement. Call after
 * the write has committed. A prune that fails is re-armed, never failing the request whose write
 * already succeeded.
 */
export async function noteWritten(clientRowId: string, rows: Written): Promise<void> {
  const due: PrunedTable[] = [];
  for (const [table, count] of Object.entries(rows) as [PrunedTable, number][]) {
    if (count <= 0) continue;
    const key = `${table} ${clientRowId}`;
    const total = (written.get(key) ?? PRUNE_EVERY - 1) + count;
    written.delete(key);
    written.set(key, total < PRUNE_EVERY ? total : 0);
    if (written.size > TRACKED_CLIENTS) written.delete(written.keys().next().value!);
    if (total >= PRUNE_EVERY) due.push(table);
  }
  if (due.length === 0) return;
  try {
    await prune(due, clientRowId);
  } catch (error) {
    for (const table of due) written.set(`${table} ${clientRowId}`, PRUNE_EVERY);
    if (!isContention(error)) logUnexpected(error, { route: "POST /indeed/graphql", prune: due.join(", ") });
  }
}

export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { timeout: 15_000, maxWait: 10_000 });
}

export interface StoredJob {
  id: string;
  jobPostingId: string;
  sourceName: string;
  title: string;
  status: "ACTIVE" | "EXPIRED";
  expiredAt: Date | null;
  trackingKey: string | null;
  updatedAt: Date;
}

interface JobRow {
  id: string;
  jobPostingId: string;
  sourceName: string;
  title: string;
  status: "ACTIVE" | "EXPIRED";
  expiredAtMs: number | null;
  trackingKey: string | null;
  updatedAtMs: number;
}

/** The columns of a StoredJob, from a row `j` (timestamps as epoch ms, decision 014). */
const JOB_COLUMNS = `j."id"::text, j."jobPostingId", j."sourceName", j."title", j."status"::text AS "status",
  (EXTRACT(EPOCH FROM j."expiredAt") * 1000)::float8 AS "expiredAtMs", j."trackingKey",
  (EXTRACT(EPOCH FROM j."updatedAt") * 1000)::float8 AS "updatedAtMs"`;

/** The row as a StoredJob (any other column it carries is dropped). */
function storedJob({ id, jobPostingId, sourceName, title, status, expiredAtMs, trackingKey, updatedAtMs }: JobRow): StoredJob {
  return { id, jobPostingId, sourceName, title, status, expiredAt: expiredAtMs == null ? null : new Date(expiredAtMs), trackingKey, updatedAt: new Date(updatedAtMs) };
}

/** The retries of a statement that lost a deadlock (it is atomic, so running it again is safe). */
async function retrying<Row>(run: () => Promise<Row[]>): Promise<Row[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3 || !isContention(error)) throw error;
    }
  }
}

export interface JobWrite {
  sourceName: string;
  jobPostingId: string;
  title: string;
  posting: unknown;
}

/**
 * Creates or updates (and reactivates) the jobs by client + sourceName + jobPostingId, and
 * records the request, in one statement. A job expired before $8 (epoch ms) is left alone and
 * missing from the result: it can no longer be reactivated. Rows are written in key order, so
 * two requests upserting the same jobs lock them in the same order. The request is recorded
 * only when a job was written.
 */
const WRITE_JOBS = statement<JobRow & { created: boolean }>(
  "indeed_write_jobs",
  `WITH input AS (
     SELECT x->>'sourceName' AS "sourceName", x->>'jobPostingId' AS "jobPostingId", x->>'title' AS "title", x->'posting' AS "posting"
     FROM jsonb_array_elements($7::jsonb) AS x
   ),
   j AS (
     INSERT INTO "IndeedJobPosting" AS p ("id", "clientId", "sourceName", "jobPostingId", "title", "status", "posting", "requestId", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $3::uuid, i."sourceName", i."jobPostingId", i."title", 'ACTIVE', i."posting", $2::uuid, ${AT}, ${AT}
     FROM input i ORDER BY i."sourceName", i."jobPostingId"
     ON CONFLICT ("clientId", "sourceName", "jobPostingId") DO UPDATE
       SET "title" = EXCLUDED."title", "posting" = EXCLUDED."posting", "requestId" = EXCLUDED."requestId", "status" = 'ACTIVE',
           "expiredAt" = NULL, "expiredById" = NULL, "trackingKey" = NULL, "updatedAt" = EXCLUDED."updatedAt"
       WHERE NOT (p."status" = 'EXPIRED' AND p."expiredAt" < to_timestamp($8::float8 / 1000) AT TIME ZONE 'UTC')
     RETURNING p.*, (p.xmax = 0) AS "created"
   ),
   request AS (
     INSERT INTO ${INSERT_REQUEST_COLUMNS}
     SELECT $2::uuid, $3::uuid, $4, $5, $6, ${AT} WHERE EXISTS (SELECT 1 FROM j)
   )
   SELECT ${JOB_COLUMNS}, j."created" FROM j`,
);

export async function writeJobs(
  clientRowId: string,
  request: RequestRecord,
  jobs: JobWrite[],
  reactivatableSince: Date,
): Promise<{ stored: StoredJob[]; created: number }> {
  if (jobs.length === 0) return { stored: [], created: 0 };
  const values = [Date.now(), randomUUID(), clientRowId, ...requestValues(request), JSON.stringify(jobs), reactivatableSince.getTime()];
  const rows = await retrying(() => query(WRITE_JOBS, values));
  const created = rows.filter((r) => r.created).length;
  if (rows.length > 0) {
    await noteWritten(clientRowId, { IndeedGraphqlRequest: 1, IndeedJobPosting: created });
  }
  return { stored: rows.map(storedJob), created };
}

const JOBS_BY_ID = statement<JobRow>(
  "indeed_jobs_by_id",
  `SELECT ${JOB_COLUMNS} FROM "IndeedJobPosting" j
   WHERE j."clientId" = $1::uuid AND j."id" IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)`,
);

export async function jobsById(clientRowId: string, ids: string[]): Promise<StoredJob[]> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return [];
  return (await query(JOBS_BY_ID, [clientRowId, JSON.stringify(valid)])).map(storedJob);
}

/**
 * Expires the client's active jobs among $7 (a JSON array of ids) at $8 (epoch ms) and records the request, in
 * one statement; an already expired job keeps its first expiration and tracking key. Answers the
 * tracking key of each of the client's jobs among them.
 */
const EXPIRE_JOBS = statement<{ id: string; trackingKey: string | null }>(
  "indeed_expire_jobs",
  `WITH ids AS (SELECT DISTINCT jsonb_array_elements_text($7::jsonb)::uuid AS "id"),
   request AS (
     INSERT INTO ${INSERT_REQUEST_COLUMNS} VALUES ($2::uuid, $3::uuid, $4, $5, $6, ${AT})
   ),
   expired AS (
     UPDATE "IndeedJobPosting" j
     SET "status" = 'EXPIRED', "expiredAt" = to_timestamp($8::float8 / 1000) AT TIME ZONE 'UTC', "expiredById" = $2::uuid, "trackingKey" = gen_random_uuid()::text, "updatedAt" = ${AT}
     WHERE j."clientId" = $3::uuid AND j."id" IN (SELECT "id" FROM ids) AND j."status" = 'ACTIVE'
     RETURNING j."id", j."trackingKey"
   )
   SELECT "id"::text, "trackingKey" FROM expired
   UNION ALL
   SELECT j."id"::text, j."trackingKey" FROM "IndeedJobPosting" j
   WHERE j."clientId" = $3::uuid AND j."id" IN (SELECT "id" FROM ids) AND j."id" NOT IN (SELECT "id" FROM expired)`,
);

/** The tracking key of each of `ids` that is a job of the client, expiring the active ones at `now`. */
export async function expireJobs(clientRowId: string, request: RequestRecord, ids: string[], now: Date): Promise<Map<string, string | null>> {
  const valid = ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase());
  const values = [Date.now(), randomUUID(), clientRowId, ...requestValues(request), JSON.stringify(valid), now.getTime()];
  const rows = await retrying(() => query(EXPIRE_JOBS, values));
  await noteWritten(clientRowId, { IndeedGraphqlRequest: 1 });
  return new Map(rows.map((r) => [r.id, r.trackingKey]));
}

/** The employers among `ids` that exist under `type`. */
export async function existingEmployerIds(type: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db().indeedEmployer.findMany({ where: { type, externalId: { in: ids } }, select: { externalId: true } });
  return new Set(rows.map((r) => r.externalId));
}

export function findEmployer(tx: Tx, type: string, externalId: string) {
  return tx.indeedEmployer.findUnique({
    where: { type_externalId: { type, externalId } },
    select: { id: true, clientId: true, name: true, attributes: true },
  });
}

export function createEmployer(
  tx: Tx,
  data: { clientId: string; type: string; externalId: string; name: string; attributes: Prisma.InputJsonValue; requestId: string },
) {
  return tx.indeedEmployer.create({ data, select: { id: true } });
}

export function updateEmployer(tx: Tx, id: string, clientRowId: string, data: { name: string; attributes: Prisma.InputJsonValue; requestId: string }) {
  return tx.indeedEmployer.update({ where: { id, clientId: clientRowId }, data, select: { id: true } });
}

export function createDispositions(tx: Tx, rows: Prisma.IndeedDispositionCreateManyInput[]) {
  return tx.indeedDisposition.createMany({ data: rows });
}
