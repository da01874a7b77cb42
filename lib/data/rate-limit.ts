// No "server-only" marker: `npm run console` (scripts/, under tsx) imports it, and the marker throws there.
// Fixed-window rate limits kept in the database, so every app instance sees the same counts.
// One atomic statement per hit: concurrent hits on the same key never lose an increment.
import { createHash } from "node:crypto";
import { db } from "../db";

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

/** Keys may contain personal data (an email): store only a hash of them. */
function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/** Counts one hit; returns the count in the current window and when the window ends. */
export async function hit(key: string, limit: Limit, now = new Date()) {
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
  return { count: row.count, resetAt: new Date(row.windowStart.getTime() + limit.windowSeconds * 1000) };
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
