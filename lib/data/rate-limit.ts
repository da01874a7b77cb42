// No "server-only" marker: `npm run console` (scripts/, under tsx) imports it, and the marker throws there.
// Fixed-window rate limits kept in the database, so every app instance sees the same counts.
// One atomic statement per hit: concurrent hits on the same key never lose an increment, and
// each gets its own count back, so "increment, then compare" cannot let two of them through on
// the same slot (docs/decisions/004).
import { createHash } from "node:crypto";
import { decoyHash, verifyPassword } from "../auth/password";
import { db } from "../db";
import { logUnexpected } from "../log";

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

/**
 * Keys may contain personal data (an email): store only a hash of them. Exported for the
 * statements that read a counter together with other rows (lib/oauth/client-auth.ts).
 */
export function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/**
 * A counter whose window started longer ago than this has ended, whatever its limit (none has
 * a window this long), and an ended window counts as no counter at all: deleting it changes no
 * answer. Counters are swept so that keys tried once (a mistyped email, a made-up client_id)
 * do not pile up.
 */
const SWEPT_AFTER_MS = 60 * 60 * 1000;
/** A process sweeps at most this often, within a hit; every instance sweeps the shared table. */
const SWEEP_EVERY_MS = 60 * 1000;
/** At most this many counters a sweep; one a minute per instance outpaces any real load. */
const SWEEP_BATCH = 5_000;
let nextSweepMs = 0;

/**
 * Deletes counters whose window started before `before`, oldest first, skipping the ones a hit
 * holds (that hit starts a new window anyway). A hit waiting for a counter being deleted inserts
 * it afresh. Returns how many were deleted.
 */
export function sweepEnded(before: Date): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "RateLimit" WHERE "key" IN (
      SELECT "key" FROM "RateLimit" WHERE "windowStart" < ${before}::timestamp
      ORDER BY "windowStart" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
}

/** Sweeps when this process has not for SWEEP_EVERY_MS, by the real clock; never fails the hit. */
async function sweepWhenDue(): Promise<void> {
  const nowMs = Date.now();
  if (nowMs < nextSweepMs) return;
  nextSweepMs = nowMs + SWEEP_EVERY_MS;
  try {
    await sweepEnded(new Date(nowMs - SWEPT_AFTER_MS));
  } catch (error) {
    logUnexpected(error, { sweep: "RateLimit" });
  }
}

/** Counts one hit; returns the count in the current window and when the window ends. */
export async function hit(key: string, limit: Limit, now = new Date()) {
  if (limit.windowSeconds * 1000 >= SWEPT_AFTER_MS) throw new Error(`A rate limit's window must be shorter than ${SWEPT_AFTER_MS / 60_000} minutes.`);
  const rows = await db().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart")
    VALUES (${storedKey(key)}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${limit.windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${limit.windowSeconds})
                     THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  await sweepWhenDue();
  return { count: row.count, resetAt: new Date(row.windowStart.getTime() + limit.windowSeconds * 1000) };
}

/**
 * Reserves one attempt in `key`'s window before the work it guards is done: the increment and
 * the comparison with the limit happen in one statement, so N concurrent callers get at most
 * `limit.max` reservations between them.
 */
export async function reserve(key: string, limit: Limit, now = new Date()) {
  const { count, resetAt } = await hit(key, limit, now);
  return { allowed: count <= limit.max, resetAt };
}

export type PasswordCheck<Row> =
  | { outcome: "verified"; row: Row }
  | { outcome: "wrong" }
  | { outcome: "throttled"; retryAt: Date };

/**
 * One throttled password check for every sign-in form. The attempt is reserved first; only a
 * reserved attempt reads the row and verifies the password (against a decoy hash when there is
 * no row, so a missing account takes as long as a wrong password). A verified password clears
 * the window: the limit counts failures in a row, not sign-ins.
 */
export async function throttledPasswordCheck<Row extends { passwordHash: string }>(
  key: string,
  limit: Limit,
  password: string,
  findRow: () => Promise<Row | null>,
): Promise<PasswordCheck<Row>> {
  const reservation = await reserve(key, limit);
  if (!reservation.allowed) return { outcome: "throttled", retryAt: reservation.resetAt };
  const row = await findRow();
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  if (!row || !ok) return { outcome: "wrong" };
  await reset(key);
  return { outcome: "verified", row };
}

/** Whether `key` has used up its window, without counting a hit. */
export async function isLimited(key: string, limit: Limit, now = new Date()) {
  const row = await db().rateLimit.findUnique({ where: { key: storedKey(key) } });
  if (!row) return { limited: false as const };
  const resetAt = new Date(row.windowStart.getTime() + limit.windowSeconds * 1000);
  if (resetAt <= now || row.count < limit.max) return { limited: false as const };
  return { limited: true as const, resetAt };
}

export async function reset(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: storedKey(key) } });
}
