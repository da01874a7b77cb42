// Counting the database work of a page view from PostgreSQL's own statistics, so the app under
// test needs no instrumentation. Two methods, the better one when the server allows it:
//
// - pg_stat_statements (needs shared_preload_libraries): exact statement counts, per statement.
// - pg_stat_database of the bench database: xact_commit + xact_rollback, less one transaction
//   per new session (a backend's start-up commits one). Every statement the app sends outside a
//   transaction is one transaction, so this counts statements as long as the app does not group
//   reads in transactions; the per-table scan counts of pg_stat_user_tables are read alongside
//   as a cross-check and to show which tables each view hits.
//   Backends publish these counters lazily: at most once a second while busy, and a backend that
//   goes idle with unpublished counts publishes them only after PGSTAT_IDLE_INTERVAL (10 s,
//   PostgreSQL 15+). So after each run we wait more than 10 s, until the counters stop moving.
import pg from "pg";

export interface QueryCount {
  perView: number;
  /** What one view did: statements (pg_stat_statements) or table scans (fallback), per view. */
  detail: { label: string; perView: number }[];
}

export interface QueryCounter {
  /** What is counted, for the report. */
  unit: string;
  method: string;
  /**
   * Runs each of `runs` in turn (`views` page views each) and counts what each did. Nothing else
   * may use the bench database meanwhile: the runs are chained, each starting from the counters
   * where the previous one settled.
   */
  measure(runs: { views: number; run: () => Promise<void> }[]): AsyncGenerator<QueryCount>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function perViewDelta(before: Map<string, number>, after: Map<string, number>, views: number) {
  const detail: { label: string; perView: number }[] = [];
  for (const [label, count] of after) {
    const delta = count - (before.get(label) ?? 0);
    if (delta > 0) detail.push({ label, perView: delta / views });
  }
  return detail.sort((a, b) => b.perView - a.perView || a.label.localeCompare(b.label));
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, statement_timeout: 30_000 });
  await client.connect();
  return client;
}

/**
 * `adminUrl` is a connection to another database (its statements do not count); `benchUrl` the
 * database the server uses.
 */
export async function createQueryCounter(adminUrl: string, benchUrl: string, dbName: string): Promise<QueryCounter> {
  const bench = await connect(benchUrl);
  try {
    await bench.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await bench.query("SELECT 1 FROM pg_stat_statements LIMIT 1");
    return statementsCounter(bench);
  } catch {
    // "pg_stat_statements must be loaded via shared_preload_libraries": fall back.
  }
  const admin = await connect(adminUrl);
  return transactionsCounter(admin, bench, dbName);
}

function statementsCounter(bench: pg.Client): QueryCounter {
  async function snapshot() {
    const { rows } = await bench.query<{ query: string; calls: string }>(
      `SELECT query, calls FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT LIKE '%pg_stat_statements%'`,
    );
    const calls = new Map<string, number>();
    for (const row of rows) {
      const label = row.query.replace(/\s+/g, " ").slice(0, 160);
      calls.set(label, (calls.get(label) ?? 0) + Number(row.calls));
    }
    return calls;
  }
  return {
    unit: "statements",
    method: "pg_stat_statements (statements run in the bench database)",
    async *measure(runs) {
      for (const { views, run } of runs) {
        const before = await snapshot();
        await run();
        await sleep(300);
        const detail = perViewDelta(before, await snapshot(), views);
        yield { perView: detail.reduce((sum, d) => sum + d.perView, 0), detail };
      }
    },
    close: () => bench.end(),
  };
}

/** PGSTAT_IDLE_INTERVAL (10 s) and a margin. */
const IDLE_FLUSH_MS = 10_500;

function transactionsCounter(admin: pg.Client, bench: pg.Client, dbName: string): QueryCounter {
  interface Reading {
    transactions: number;
    sessions: number;
  }
  async function read(): Promise<Reading> {
    await admin.query("SELECT pg_stat_clear_snapshot()");
    // `sessions` appeared in PostgreSQL 14: read through jsonb so older servers give 0.
    const { rows } = await admin.query<{ n: string; sessions: string }>(
      `SELECT xact_commit + xact_rollback AS n, coalesce((to_jsonb(d) ->> 'sessions')::bigint, 0) AS sessions
         FROM pg_stat_database d WHERE datname = $1`,
      [dbName],
    );
    if (!rows[0]) throw new Error(`No statistics for database ${dbName}.`);
    return { transactions: Number(rows[0].n), sessions: Number(rows[0].sessions) };
  }
  /** The counters once every backend has published what it did (call when the server is idle). */
  async function settled(): Promise<Reading> {
    await sleep(IDLE_FLUSH_MS);
    const deadline = Date.now() + 70_000; // PGSTAT_MAX_INTERVAL is 60 s
    let previous = await read();
    while (Date.now() < deadline) {
      await sleep(1000);
      const current = await read();
      if (current.transactions === previous.transactions) return current;
      previous = current;
    }
    throw new Error("The transaction counter of the bench database never settled: is something else using it?");
  }
  let forceFlush: boolean | undefined;
  /**
   * One transaction of our own in the bench database. With pg_stat_force_next_flush()
   * (PostgreSQL 15+) it is published at once, else we wait for it like for the server's.
   */
  async function tableScans(after: Reading): Promise<{ scans: Map<string, number>; reading: Reading }> {
    forceFlush ??= (await bench.query("SELECT to_regproc('pg_stat_force_next_flush') IS NOT NULL AS ok")).rows[0].ok;
    const sql = "SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans FROM pg_stat_user_tables";
    // Two statements in one simple query are one transaction.
    const result = await bench.query(forceFlush ? `SELECT pg_stat_force_next_flush(); ${sql}` : sql);
    const rows = (Array.isArray(result) ? result.at(-1) : result).rows as { relname: string; scans: string }[];
    const scans = new Map(rows.map((r) => [`scans of "${r.relname}"`, Number(r.scans)]));
    const deadline = Date.now() + 3000;
    while (forceFlush && Date.now() < deadline) {
      const reading = await read();
      if (reading.transactions > after.transactions) return { scans, reading };
      await sleep(100);
    }
    return { scans, reading: await settled() };
  }
  return {
    unit: "transactions",
    method: `pg_stat_database of ${dbName}: xact_commit + xact_rollback − new sessions (pg_stat_statements is not loaded)`,
    async *measure(runs) {
      let start = await tableScans(await settled());
      for (const { views, run } of runs) {
        await run();
        const end = await tableScans(await settled());
        const own = 1; // the tableScans() reading that ends this run
        const transactions = end.reading.transactions - start.reading.transactions - own;
        const sessions = end.reading.sessions - start.reading.sessions;
        yield { perView: (transactions - sessions) / views, detail: perViewDelta(start.scans, end.scans, views) };
        start = end;
      }
    },
    async close() {
      await Promise.allSettled([admin.end(), bench.end()]);
    },
  };
}
