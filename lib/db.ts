// No "server-only" marker: the operator scripts (scripts/, under tsx) import it, and the marker throws there.
// The Prisma client: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
// Only lib/data, lib/oauth, lib/providers, lib/testing, prisma/ and the operator scripts import it,
// which ESLint enforces (docs/architecture.md; the two databases: docs/decisions/001).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { acquireDataDirLock } from "./data-dir-lock";
import { noteDatabaseUnavailable } from "./db-unavailable";

export type Db = PrismaClient;

/** How long a request waits for a database connection before the database counts as unavailable. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A statement the few hot paths run on the driver itself rather than through Prisma, whose
 * per-query cost there dominates a request (docs/decisions/014). PostgreSQL prepares it once per
 * connection under `name`. Its result columns must parse the same on both drivers: text, uuid,
 * boolean, float8, bytea (Buffer or Uint8Array), text[]; no timestamps or bigints.
 */
export interface Statement<Row> {
  readonly name: string;
  readonly text: string;
  /**
   * `SET LOCAL …` for settings of this statement alone (StatementOptions), or null. A statement
   * with settings runs in a transaction of its own: BEGIN and the settings, the statement, COMMIT.
   */
  readonly settings: string | null;
  /** Never read: it only carries the row type. */
  readonly row?: Row;
}

/**
 * Planner methods a statement may turn off, for a plan that statistics would talk the planner
 * out of (a table that changed since it was last analyzed). Only these names, never input.
 */
export type PlannerMethod = "bitmapscan" | "seqscan" | "sort";

export interface StatementOptions {
  /** Planner methods turned off for the statement. */
  without?: PlannerMethod[];
  /**
   * Commit without waiting for the WAL to reach the disk (`synchronous_commit = off`): only for
   * work a crash may lose and that is simply done again, such as deleting rows past a bound.
   */
  asynchronousCommit?: boolean;
}

export function statement<Row>(name: string, text: string, options: StatementOptions = {}): Statement<Row> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`A statement name is lower-case words joined by _: ${name}`);
  const settings = (options.without ?? []).map((method) => `SET LOCAL enable_${method} = off`);
  if (options.asynchronousCommit) settings.push("SET LOCAL synchronous_commit = off");
  return { name: `pc_${name}`, text, settings: settings.length > 0 ? settings.join("; ") : null };
}

export interface Database {
  prisma: PrismaClient;
  /** Runs a hot-path statement with positional parameters ($1, $2, …). */
  query<Row>(statement: Statement<Row>, values: unknown[]): Promise<Row[]>;
  /** The driver adapter, for the schema engine (prisma/migrate.ts). */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  kind: "pglite" | "postgresql";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgresql:// URL; when absent the embedded database in `dataDir` is used. */
  url?: string;
  /** Data folder of the embedded database, or "memory://" for a throwaway one. */
  dataDir?: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions = {}): Database {
  if (options.url) {
    // The client's pool is ours, so close() really ends it ($disconnect leaves it open).
    // A database that cannot be reached must fail a request within seconds (answered as 503,
    // lib/db-unavailable.ts), not hang it: the wait for a connection, new or pooled, is bounded.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection can end under us (a server restart, an administrator, a network cut):
    // the pool drops it and opens another when needed. Without a listener of the pool's own,
    // that error would be thrown and stop the process whenever Prisma is not connected.
    // During an outage every idle connection ends: one line for the outage, not one each.
    pool.on("error", (error) => {
      noteDatabaseUnavailable("a pooled database connection ended", { error: error.message });
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    // The schema engine gets a factory of its own (a fresh pool per connection, closed after
    // use): its session-level advisory lock must not linger on a shared pooled connection.
    const adapter = new PrismaPg({ connectionString: options.url, max: 2 });
    return {
      prisma,
      adapter,
      kind: "postgresql",
      async query<Row>(statement: Statement<Row>, values: unknown[]) {
        const named = { name: statement.name, text: statement.text, values };
        if (statement.settings === null) return (await pool.query(named)).rows as Row[];
        const client = await pool.connect();
        let failure: Error | undefined;
        try {
          await client.query(`BEGIN; ${statement.settings}`);
          const result = await client.query(named);
          await client.query("COMMIT");
          return result.rows as Row[];
        } catch (error) {
          // A connection the rollback cannot use is dropped rather than handed back mid-transaction.
          await client.query("ROLLBACK").catch((broken: Error) => (failure = broken));
          throw error;
        } finally {
          client.release(failure);
        }
      },
      async close() {
        await prisma.$disconnect();
        // pool.end() resolves once its clients are asked to end, not once they have: wait for
        // each to close, so that nothing is left to see its server go (a dropped database).
        let open = pool.totalCount;
        const closed = new Promise<void>((resolve) => {
          if (open === 0) resolve();
          pool.on("remove", () => {
            open -= 1;
            if (open === 0) resolve();
          });
        });
        await pool.end();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      },
    };
  }
  const dataDir = options.dataDir ?? ".data";
  let pglite: PGlite;
  let release = () => {};
  if (dataDir.startsWith("memory://")) {
    pglite = new PGlite(dataDir);
  } else {
    const dir = path.resolve(/* turbopackIgnore: true */ dataDir, "pglite");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // PGlite is single-process: a second opener would corrupt the folder.
    release = acquireDataDirLock(path.resolve(/* turbopackIgnore: true */ dataDir));
    pglite = new PGlite(dir);
  }
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    adapter,
    kind: "pglite",
    async query<Row>(statement: Statement<Row>, values: unknown[]) {
      const { settings } = statement;
      if (settings === null) return (await pglite.query<Row>(statement.text, values)).rows;
      return pglite.transaction(async (tx) => {
        await tx.exec(settings);
        return (await tx.query<Row>(statement.text, values)).rows;
      });
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

/** Options for the database this process is configured for. */
export function configuredDatabaseOptions(): DatabaseOptions {
  const e = env();
  return { url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolSize: e.DATABASE_POOL_SIZE };
}

const globalForDb = globalThis as unknown as { __partnerConsoleDb?: Database };

/**
 * The process-wide database, opened on first use (never at import, so `next build` opens
 * nothing). Kept on globalThis so dev-mode module reloads reuse the one PGlite instance.
 */
export function database(): Database {
  globalForDb.__partnerConsoleDb ??= openDatabase(configuredDatabaseOptions());
  return globalForDb.__partnerConsoleDb;
}

export function db(): PrismaClient {
  return database().prisma;
}

/** Runs a hot-path statement on the process-wide database (see Statement). */
export function query<Row>(statement: Statement<Row>, values: unknown[]): Promise<Row[]> {
  return database().query(statement, values);
}

/** Tests install a fresh database of their own (lib/testing/database.ts) before any query. */
export function useDatabaseForTesting(database: Database | undefined): void {
  globalForDb.__partnerConsoleDb = database;
}
