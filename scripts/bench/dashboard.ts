// npm run bench:dashboard: the dashboard and an app's services tab under load, on PostgreSQL,
// with a partner of 1,000 apps. Creates a throwaway database, seeds it, serves a private copy of
// the production build with `npm start`'s own script (scripts/start.ts), signs in, then measures
// queries per page view (against a partner of 10 apps too: the count must not grow with the
// number of apps), latency under load with autocannon, and the server's peak memory. Prints
// PASS/FAIL against the goals; exits non-zero only when the benchmark itself could not run.
// Cleans up (server, database, copy of the build) on every exit path, Ctrl-C included, and
// gives up after BENCH_TIMEOUT.
//
// Knobs (all optional): BENCH_DATABASE_URL (admin connection, default
// postgresql://postgres@127.0.0.1:5432/test), BENCH_DURATION (s per page, 15),
// BENCH_CONNECTIONS (10), BENCH_WARMUP (s per page before measuring, 3), BENCH_VIEWS (sequential
// views per query count, 20), BENCH_PORT (3200), BENCH_TIMEOUT (s for the whole run).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { z } from "zod";
import { hashPassword } from "../../lib/auth/password";
import { openDatabase } from "../../lib/db";
import { DASHBOARD_PAGE_SIZE } from "../../lib/paging";
import { applyMigrations } from "../../prisma/migrate";
import { getPage, occurrences, signIn } from "./http";
import { announceLoad, buildNeeded, commonSettings, fmt, onCleanup, runBenchmark, scratchDatabase, step, table, withAdmin } from "./lifecycle";
import { measureLoad, type Load } from "./load";
import { createQueryCounter, type QueryCount } from "./queries";
import { seedBenchWorld } from "./seed";
import { assertPortFree, reportServerErrors, sampleMemory, serveBuild, type MemoryReport } from "./server";

/** Issue 16: CPU per request of each page (ms, this machine) beside the trivial route's, measured in the same run. */
const GOALS = { p99Ms: 200, peakMemoryMb: 400, cpuMs: { "/dashboard": 6, "/apps/<id>/services": 5 } as Record<string, number> };
/** Apps per partner: the big one is measured under load, the small one only for query counts. */
const PARTNER_SIZES = [1000, 10];
const SERVICES_PER_APP = 3;
const PASSWORD = `bench-${randomBytes(12).toString("base64url")}`;

const config = z
  .object({
    ...commonSettings({ connections: 10, port: 3200 }),
    BENCH_VIEWS: z.coerce.number().int().min(1).max(1000).default(20),
  })
  .parse(process.env);
const timeLimitS =
  config.BENCH_TIMEOUT ?? 420 + (buildNeeded ? 900 : 0) + 3 * (config.BENCH_DURATION + config.BENCH_WARMUP);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => kb / 1024;

interface LoadResult extends Load {
  label: string;
  loadAverage: number;
}

async function load(label: string, url: string, cookie: string, serverPid: number): Promise<LoadResult> {
  const measured = await measureLoad({ url, headers: { cookie } }, config, serverPid);
  return { label, ...measured, loadAverage: os.loadavg()[0]! };
}

async function main() {
  announceLoad("dashboard", "page", config, timeLimitS, "other work on the machine inflates latencies; CPU per request is less sensitive to it");

  // 1. Database -------------------------------------------------------------------------------
  step("Creating the database");
  await assertPortFree(config.BENCH_PORT);
  const bench = await scratchDatabase(config.BENCH_DATABASE_URL);
  const seedStart = Date.now();
  const database = openDatabase({ url: bench.url, poolSize: 4 });
  let partners;
  try {
    const applied = await applyMigrations(database.adapter);
    const passwordHash = await hashPassword(PASSWORD);
    partners = await seedBenchWorld(database.prisma, PARTNER_SIZES, passwordHash);
    console.log(`  applied ${applied.length} migration(s): ${applied.join(", ")}`);
  } finally {
    await database.close();
  }
  // Fresh planner statistics, and no autovacuum worker waking up in the middle of a measure.
  await withAdmin(bench.url, (c) => c.query("VACUUM ANALYZE"));
  const counts = await withAdmin(bench.url, async (c) => {
    const { rows } = await c.query<{ apps: string; services: string; history: string }>(
      `SELECT (SELECT count(*) FROM "App") AS apps, (SELECT count(*) FROM "AppService") AS services,
              (SELECT count(*) FROM "ServiceStatusChange") AS history`,
    );
    return rows[0]!;
  });
  console.log(
    `  seeded ${counts.apps} apps, ${counts.services} app services, ${counts.history} history rows ` +
      `(partners of ${PARTNER_SIZES.join(" and ")} apps, one owner each) in ${fmt((Date.now() - seedStart) / 1000)} s`,
  );

  // 2. Server ---------------------------------------------------------------------------------
  let memory: ReturnType<typeof sampleMemory> | undefined;
  const server = await serveBuild({
    port: config.BENCH_PORT,
    databaseUrl: bench.url,
    credentialsKey: randomBytes(32).toString("base64"),
    started: (s) => (memory = sampleMemory(s.pid)),
  });

  // 3. Sign in --------------------------------------------------------------------------------
  step("Signing in as each partner's owner");
  const sessions = [];
  for (const [i, partner] of partners.entries()) {
    const cookie = await signIn(server.baseUrl, partner.ownerEmail, PASSWORD);
    const pages = { dashboard: "/dashboard", services: `/apps/${partner.appIds[0]}/services` };
    // The pages must show what we think we are measuring, not a sign-in page or an error.
    const dashboard = await getPage(server.baseUrl, pages.dashboard, cookie);
    const cards = occurrences(dashboard, 'aria-labelledby="app-');
    const expectedCards = Math.min(DASHBOARD_PAGE_SIZE, PARTNER_SIZES[i]!);
    if (cards !== expectedCards) throw new Error(`/dashboard shows ${cards} apps, expected ${expectedCards}.`);
    const services = await getPage(server.baseUrl, pages.services, cookie);
    const rows = occurrences(services, 'aria-labelledby="service-');
    if (rows !== SERVICES_PER_APP) throw new Error(`${pages.services} shows ${rows} services, expected ${SERVICES_PER_APP}.`);
    console.log(`  ${partner.ownerEmail}: /dashboard shows ${cards} apps, the services tab ${rows} services`);
    sessions.push({ partner, cookie, pages });
  }

  // 4. Queries per view -----------------------------------------------------------------------
  const counter = await createQueryCounter(config.BENCH_DATABASE_URL, bench.url, bench.name);
  onCleanup("close the statistics connections", () => counter.close());
  step(`Counting ${counter.unit} per page view: ${config.BENCH_VIEWS} sequential views each`);
  console.log(`  method: ${counter.method}`);
  const queryCounts: Record<"dashboard" | "services", QueryCount[]> = { dashboard: [], services: [] };
  const runs = sessions.flatMap((session) =>
    (["dashboard", "services"] as const).map((page) => ({ session, page, pathname: session.pages[page] })),
  );
  // One view of each first, so that nothing done only once per server (compiling, caches) counts.
  for (const { session, pathname } of runs) await getPage(server.baseUrl, pathname, session.cookie);
  const timings = runs.map(() => [] as number[]);
  const measured = counter.measure(
    runs.map(({ session, pathname }, r) => ({
      views: config.BENCH_VIEWS,
      run: async () => {
        for (let i = 0; i < config.BENCH_VIEWS; i++) {
          const t = performance.now();
          await getPage(server.baseUrl, pathname, session.cookie);
          timings[r]!.push(performance.now() - t);
        }
      },
    })),
  );
  for (const [r, { session, page, pathname }] of runs.entries()) {
    const { value: count } = await measured.next();
    if (!count) throw new Error("The query counter stopped early.");
    queryCounts[page].push(count);
    const sorted = timings[r]!.sort((a, b) => a - b);
    console.log(
      `  ${pathname.padEnd(52)} ${session.partner.appIds.length} apps: ${fmt(count.perView, 2)} ${counter.unit}/view` +
        ` (one at a time: median ${fmt(sorted[Math.floor(sorted.length / 2)]!)} ms)`,
    );
    for (const d of count.detail) console.log(`      ${fmt(d.perView, 2).padStart(6)}  ${d.label}`);
  }

  // 5. Load -----------------------------------------------------------------------------------
  const big = sessions[0]!;
  const loads: LoadResult[] = [];
  // The trivial route (no database, no rendering) in the same run: what any request costs here.
  step(`Loading GET /api/health (the trivial route) for ${config.BENCH_DURATION} s`);
  const trivial = await load("GET /api/health", `${server.baseUrl}/api/health`, big.cookie, server.pid);
  console.log(
    `  p50 ${trivial.result.latency.p50} ms, p99 ${trivial.result.latency.p99} ms, ${fmt(trivial.result.requests.average)} req/s; ` +
      `server CPU ${fmt(trivial.cpuMsPerRequest, 2)} ms per request; machine load average ${fmt(trivial.loadAverage, 2)}`,
  );
  for (const page of ["dashboard", "services"] as const) {
    const pathname = big.pages[page];
    step(`Loading ${pathname} (${big.partner.appIds.length} apps) for ${config.BENCH_DURATION} s`);
    const label = page === "dashboard" ? "/dashboard" : "/apps/<id>/services";
    const run = await load(label, `${server.baseUrl}${pathname}`, big.cookie, server.pid);
    loads.push(run);
    const r = run.result;
    console.log(
      `  p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${fmt(r.requests.average)} req/s, ` +
        `${r.requests.total} requests, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
    );
    console.log(
      `  server CPU ${fmt(run.cpuMsPerRequest)} ms per request (${fmt(run.cpuMsPerRequest / Math.max(0.01, trivial.cpuMsPerRequest))}× the trivial route's ` +
        `${fmt(trivial.cpuMsPerRequest, 2)} ms); machine load average ${fmt(run.loadAverage, 2)} on ${os.cpus().length} CPUs`,
    );
  }
  await sleep(300);
  const mem: MemoryReport = memory!.stop();
  if (server.exited()) throw new Error(`The server exited during the run:\n${server.logs().slice(-40).join("\n")}`);

  // 6. Memory ---------------------------------------------------------------------------------
  step("Server memory (peak resident set since start, from /proc/<pid>/status VmHWM)");
  for (const p of mem.processes) {
    console.log(`  ${fmt(mb(p.peakKb)).padStart(7)} MB  pid ${p.pid}  ${p.command} (${fmt(mb(p.lastRssKb))} MB resident at the end)`);
  }
  const serving = mem.processes.find((p) => /next-server/.test(p.command)) ?? mem.processes[0]!;
  console.log(`  ${fmt(mb(mem.peakTreeRssKb)).padStart(7)} MB  whole tree: the largest sum of VmRSS at one sample (every 200 ms)`);

  // 7. Summary --------------------------------------------------------------------------------
  const mark = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const constant = (counts: QueryCount[]) => {
    const values = counts.map((c) => c.perView);
    return Math.max(...values) - Math.min(...values) < 0.5;
  };
  const per = (counts: QueryCount[]) =>
    counts.map((c, i) => `${fmt(c.perView, 2)} (${PARTNER_SIZES[i]} apps)`).join(" vs ");
  const rows: string[][] = [["Goal", "Page", "Measured", "Result"]];
  for (const { label, result, cpuMsPerRequest } of loads) {
    rows.push([
      `p99 latency < ${GOALS.p99Ms} ms`,
      label,
      `${result.latency.p99} ms (p50 ${result.latency.p50} ms; ${fmt(cpuMsPerRequest)} ms CPU/request)`,
      mark(result.latency.p99 < GOALS.p99Ms),
    ]);
  }
  for (const { label, cpuMsPerRequest } of loads) {
    const goal = GOALS.cpuMs[label]!;
    rows.push([
      `CPU ≤ ${goal} ms/request`,
      label,
      `${fmt(cpuMsPerRequest)} ms (${fmt(cpuMsPerRequest / Math.max(0.01, trivial.cpuMsPerRequest))}× the trivial route's ${fmt(trivial.cpuMsPerRequest, 2)} ms)`,
      mark(cpuMsPerRequest <= goal),
    ]);
  }
  for (const { label, result } of loads) {
    rows.push(["no failed requests under load", label, `${fmt(result.requests.average)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}`, result.non2xx + result.errors === 0 ? "PASS" : "FAIL"]);
  }
  rows.push(["constant queries/view (no N+1)", "/dashboard", `${per(queryCounts.dashboard)} ${counter.unit}`, mark(constant(queryCounts.dashboard))]);
  rows.push(["constant queries/view (no N+1)", "/apps/<id>/services", `${per(queryCounts.services)} ${counter.unit}`, mark(constant(queryCounts.services))]);
  rows.push([`peak memory < ${GOALS.peakMemoryMb} MB`, "next-server process", `${fmt(mb(serving.peakKb))} MB VmHWM (pid ${serving.pid})`, mark(mb(serving.peakKb) < GOALS.peakMemoryMb)]);
  // Not the goal: the tree includes the tsx wrappers and the migration step that runs before the
  // server starts, so its peak is usually reached before the first request is served.
  rows.push([
    "peak memory (info only)",
    "whole `npm start` tree",
    `${fmt(mb(mem.peakTreeRssKb))} MB (sum of VmRSS, wrappers and migration step included)`,
    mb(mem.peakTreeRssKb) < GOALS.peakMemoryMb ? "info" : `info (over ${GOALS.peakMemoryMb})`,
  ]);
  step("Summary");
  table(rows);
  reportServerErrors(server);
}

await runBenchmark(timeLimitS, main);
