import "server-only";
// Readiness for load balancers (GET /api/ready): the database answers within a short timeout and
// every migration this build ships has been applied. One trivial statement, no Prisma query.
import { readdirSync } from "node:fs";
import path from "node:path";
import { query, statement } from "@/lib/db";
import { isDatabaseUnavailable, noteDatabaseAvailable, noteDatabaseUnavailable } from "@/lib/db-unavailable";

/** A database slower than this to answer is no database a load balancer should send traffic to. */
const READY_TIMEOUT_MS = 2_000;

const APPLIED = statement<{ applied: number }>(
  "ready_migrations",
  `SELECT count(*)::int AS applied FROM _prisma_migrations
   WHERE migration_name = ANY($1::text[]) AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
);

let shipped: string[] | undefined;

/** The migration folders of this build (prisma/migrations, read once: they ship with the build). */
function shippedMigrations(): string[] {
  shipped ??= readdirSync(path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return shipped;
}

export type Readiness = { ready: true } | { ready: false; reason: "database" | "migrations" };

export async function readiness(): Promise<Readiness> {
  const migrations = shippedMigrations();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), READY_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([query(APPLIED, [migrations]), timeout]);
    if (answer === "timeout") {
      noteDatabaseUnavailable();
      return { ready: false, reason: "database" };
    }
    noteDatabaseAvailable();
    return answer[0]?.applied === migrations.length ? { ready: true } : { ready: false, reason: "migrations" };
  } catch (error) {
    // A database without the migrations table has no migrations applied.
    if (!isDatabaseUnavailable(error)) return { ready: false, reason: "migrations" };
    noteDatabaseUnavailable();
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
