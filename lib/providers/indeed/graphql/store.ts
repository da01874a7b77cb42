import "server-only";
// What each client sent to the simulated APIs, kept so it can read its jobs back and the console
// can show it. Every query is scoped to the calling client's row; each client keeps at most
// RETENTION rows of each kind, the oldest pruned as new ones arrive (decision 021).
import { randomUUID } from "node:crypto";
import { db } from "../../../db";
import type { Prisma } from "../../../generated/prisma/client";
import { isUuid } from "../../../ids";

export const RETENTION = { requests: 200, jobs: 1000, employers: 500, dispositions: 1000 } as const;

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

export async function recordRequest(tx: Tx, clientRowId: string, request: RequestRecord): Promise<string> {
  const variables = request.variables == null ? null : cut(JSON.stringify(request.variables, null, 2));
  const row = await tx.indeedGraphqlRequest.create({
    data: { clientId: clientRowId, operationName: request.operationName?.slice(0, 255) ?? null, query: cut(request.query), variables },
    select: { id: true },
  });
  return row.id;
}

type PrunedTable = "IndeedGraphqlRequest" | "IndeedJobPosting" | "IndeedEmployer" | "IndeedDisposition";

const ORDER: Record<PrunedTable, string> = {
  IndeedGraphqlRequest: "createdAt",
  IndeedJobPosting: "updatedAt",
  IndeedEmployer: "updatedAt",
  IndeedDisposition: "createdAt",
};

/** Deletes the client's rows of `table` beyond the newest `keep`. */
export async function prune(tx: Tx, table: PrunedTable, clientRowId: string, keep: number): Promise<void> {
  // Table and column names come from the constant map above, never from input.
  const column = ORDER[table];
  await tx.$executeRawUnsafe(
    `DELETE FROM "${table}" WHERE "id" IN (
       SELECT "id" FROM "${table}" WHERE "clientId" = $1::uuid ORDER BY "${column}" DESC, "id" DESC OFFSET $2)`,
    clientRowId,
    keep,
  );
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

const jobSelect = {
  id: true,
  jobPostingId: true,
  sourceName: true,
  title: true,
  status: true,
  expiredAt: true,
  trackingKey: true,
  updatedAt: true,
} as const;

export function existingJobs(tx: Tx, clientRowId: string, keys: { sourceName: string; jobPostingId: string }[]): Promise<StoredJob[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return tx.indeedJobPosting.findMany({ where: { clientId: clientRowId, OR: keys }, select: jobSelect });
}

export interface JobWrite {
  sourceName: string;
  jobPostingId: string;
  title: string;
  posting: Prisma.InputJsonValue;
}

export function createJob(tx: Tx, clientRowId: string, requestId: string, job: JobWrite): Promise<StoredJob> {
  return tx.indeedJobPosting.create({ data: { ...job, clientId: clientRowId, requestId }, select: jobSelect });
}

/** Updates the job (and reactivates it if it was expired). */
export function updateJob(tx: Tx, clientRowId: string, id: string, requestId: string, job: JobWrite): Promise<StoredJob> {
  return tx.indeedJobPosting.update({
    where: { id, clientId: clientRowId },
    data: { title: job.title, posting: job.posting, requestId, status: "ACTIVE", expiredAt: null, expiredById: null, trackingKey: null },
    select: jobSelect,
  });
}

export function jobsById(tx: Tx | ReturnType<typeof db>, clientRowId: string, ids: string[]): Promise<StoredJob[]> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return Promise.resolve([]);
  return tx.indeedJobPosting.findMany({ where: { clientId: clientRowId, id: { in: valid } }, select: jobSelect });
}

/** Expires the job; an already expired one keeps its first expiration and tracking key. */
export async function expireJob(tx: Tx, clientRowId: string, id: string, requestId: string, now: Date): Promise<StoredJob | null> {
  if (!isUuid(id)) return null;
  await tx.indeedJobPosting.updateMany({
    where: { id, clientId: clientRowId, status: "ACTIVE" },
    data: { status: "EXPIRED", expiredAt: now, expiredById: requestId, trackingKey: randomUUID() },
  });
  return tx.indeedJobPosting.findFirst({ where: { id, clientId: clientRowId }, select: jobSelect });
}

/** The employers among `ids` that exist under `type`. */
export async function existingEmployerIds(tx: Tx, type: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.indeedEmployer.findMany({ where: { type, externalId: { in: ids } }, select: { externalId: true } });
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
