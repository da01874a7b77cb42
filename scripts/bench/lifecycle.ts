// What every benchmark script needs around its measurements: cleanups registered as resources
// are created and run in reverse exactly once (on success, failure, Ctrl-C or the time limit),
// a throwaway PostgreSQL database, and plain console output helpers.
import { randomBytes } from "node:crypto";
import pg from "pg";

const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = 0;

export function onCleanup(name: string, run: () => Promise<unknown>): void {
  cleanups.push({ name, run });
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const { name, run } of cleanups.reverse()) {
      try {
        await withTimeout(run(), 20_000, name);
      } catch (error) {
        console.error(`  cleanup "${name}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/**
 * Cleans up on signals, on an uncaught error and after `timeLimitS`; tolerates a closed
 * stdout (`| head`). Call once, first thing.
 */
export function guardRun(timeLimitS: number): { clear(): void; interrupted(): boolean } {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // One Ctrl-C reaches us several times (terminal, npm, tsx): only a later one quits at once.
      if (interrupted && Date.now() - interrupted > 3000) process.exit(130);
      if (interrupted) return;
      interrupted = Date.now();
      console.error(`\n${signal}: cleaning up (Ctrl-C again in a few seconds to quit at once)…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  process.on("uncaughtException", (error) => {
    console.error(`\n✖ Unexpected error: ${error.stack ?? error}`);
    void cleanup().finally(() => process.exit(1));
  });
  const watchdog = setTimeout(() => {
    console.error(`\n✖ The benchmark took more than ${timeLimitS} s (BENCH_TIMEOUT): cleaning up.`);
    void cleanup().finally(() => process.exit(1));
  }, timeLimitS * 1000);
  watchdog.unref();
  return { clear: () => clearTimeout(watchdog), interrupted: () => interrupted !== 0 };
}

export async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates a fresh database on the server of `adminUrl`, dropped at cleanup. */
export async function scratchDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const name = `pc_bench_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  onCleanup(`drop database ${name}`, () =>
    withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() =>
      console.log(`  dropped database ${name}`),
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

export function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const row of rows) console.log("  " + row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
}
