// What every benchmark script needs around its measurements: the common BENCH_* settings,
// cleanups registered as resources are created and run in reverse exactly once (on success,
// failure, Ctrl-C or the time limit), a throwaway PostgreSQL database, and plain console output.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { z } from "zod";

/** The checkout under test. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Whether the run has to build the app first (decided once, at start). */
export const buildNeeded = !existsSync(path.join(root, ".next/BUILD_ID"));

/**
 * The settings every benchmark has (the only environment the benchmarks read), for `z.object`
 * beside the script's own; `defaults` are the script's.
 */
export function commonSettings(defaults: { connections: number; port: number }) {
  return {
    BENCH_DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .default("postgresql://postgres@127.0.0.1:5432/test"),
    BENCH_DURATION: z.coerce.number().int().min(1).max(3600).default(15),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(defaults.connections),
    BENCH_WARMUP: z.coerce.number().int().min(0).max(600).default(3),
    BENCH_PORT: z.coerce.number().int().min(1).max(65535).default(defaults.port),
    BENCH_TIMEOUT: z.coerce.number().int().min(30).optional(),
  };
}

const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = 0;
let failureReport: (() => string) | undefined;

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

/** What to print should the run fail (the server's last log lines, say). */
export function onFailure(report: () => string): void {
  failureReport = report;
}

/**
 * Runs the benchmark: cleans up on signals, on an uncaught error and after `timeLimitS`, and
 * tolerates a closed stdout (`| head`); reports a failure of `main`, cleans up and exits with 0,
 * 1 when the benchmark itself could not run, or 130 when interrupted. Call it to start `main`.
 */
export async function runBenchmark(timeLimitS: number, main: () => Promise<void>): Promise<never> {
  const guard = guardRun(timeLimitS);
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    exitCode = 1;
    console.error(`\n✖ The benchmark failed: ${(error as Error).stack ?? error}`);
    if (failureReport) console.error(failureReport());
  } finally {
    if (!cleaning) step("Cleaning up");
    await cleanup();
  }
  guard.clear();
  process.exit(guard.interrupted() ? 130 : exitCode);
}

function guardRun(timeLimitS: number): { clear(): void; interrupted(): boolean } {
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
  console.log(`  database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Prints the run's headline, the machine and how busy it is (`loadNote` says why that matters), and the checkout. */
export function announce(headline: string, loadNote: string): void {
  console.log(
    `${headline}\nMachine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => fmt(l, 2)).join(" ")} (${loadNote}).`,
  );
  const git = (...args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  const changed = git("status", "--porcelain", "--untracked-files=no").split("\n").filter(Boolean).length;
  console.log(`Checkout: ${git("rev-parse", "--short", "HEAD") || "?"}${changed ? ` with ${changed} changed file(s)` : ""}.`);
}

/** `announce` for a load run: its settings (per `unit`, a route or a page) and the time limit. */
export function announceLoad(
  title: string,
  unit: string,
  config: { BENCH_CONNECTIONS: number; BENCH_DURATION: number; BENCH_WARMUP: number; BENCH_PORT: number },
  timeLimitS: number,
  loadNote: string,
): void {
  announce(
    `Partner Console ${title} benchmark: ${config.BENCH_CONNECTIONS} connections × ${config.BENCH_DURATION} s per ${unit}` +
      ` (after ${config.BENCH_WARMUP} s of warm-up), port ${config.BENCH_PORT}, time limit ${timeLimitS} s.`,
    loadNote,
  );
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

export function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const row of rows) console.log("  " + row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
}
