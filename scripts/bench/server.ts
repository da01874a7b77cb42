// The production server under test: `tsx scripts/start.ts` in its own process group (so it and
// everything it spawns can be stopped together, and only that), its last log lines kept for
// error reports, and a sampler of the memory of its whole process tree.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { snapshotBuild } from "./build";
import { buildNeeded, fmt, onCleanup, onFailure, root, scratchDatabase, step, withAdmin } from "./lifecycle";

const LOG_LINES = 200;

export interface Server {
  pid: number;
  baseUrl: string;
  /** The last lines the server printed (stdout and stderr). */
  logs(): string[];
  /** Lines that look like errors, since start. */
  errorLines(): number;
  exited(): boolean;
  stop(): Promise<void>;
}

/** Fails when something already listens on `port`: we would be measuring someone else's server. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `Port ${port} is already in use.` : error.message)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export function startServer(root: string, env: NodeJS.ProcessEnv, port: number): Server {
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let errors = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      lines.push(`[exited with ${signal ?? `code ${code}`}]`);
      resolve();
    });
    child.once("error", (error) => {
      exited = true;
      lines.push(`[could not start: ${error.message}]`);
      resolve();
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        if (/error/i.test(line)) errors++;
        lines.push(line);
        if (lines.length > LOG_LINES) lines.shift();
      }
    });
  }
  const pid = child.pid ?? -1;

  function signalGroup(signal: NodeJS.Signals) {
    try {
      // The negative pid is the process group created by `detached`: our child and its children.
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  return {
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    logs: () => [...lines],
    errorLines: () => errors,
    exited: () => exited,
    async stop() {
      if (pid < 0) return;
      signalGroup("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
      if ((await Promise.race([exit, timeout])) === "timeout") signalGroup("SIGKILL");
      // Grandchildren may outlive the child: make sure the whole group is gone.
      await new Promise((resolve) => setTimeout(resolve, 200));
      signalGroup("SIGKILL");
    },
  };
}

/**
 * Serves a private copy of the production build (built first when missing) with `npm start`'s
 * own script on `port` against `databaseUrl`, until cleanup. `started` sees the process before
 * it answers (to sample its memory from the start).
 */
export async function serveBuild(options: {
  port: number;
  databaseUrl: string;
  credentialsKey: string;
  started?: (server: Server) => void;
}): Promise<Server> {
  step(buildNeeded ? "Building the app" : "Copying the build");
  let stopBuild = () => {};
  onCleanup("stop the build", async () => stopBuild());
  const copyStart = Date.now();
  const build = await snapshotBuild(root, 900_000, (stop) => (stopBuild = stop));
  onCleanup("remove the copy of the build", async () => build.remove());
  console.log(
    `  serving a private copy of build ${build.buildId} from ${build.dir} (${fmt((Date.now() - copyStart) / 1000)} s), ` +
      "so a rebuild in the checkout cannot break the server mid-run",
  );
  step(`Starting the production server (tsx scripts/start.ts, PORT=${options.port})`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CREDENTIALS_KEY: options.credentialsKey,
    PORT: String(options.port),
  };
  // A URL configured for another deployment would send Auth.js's redirects there.
  for (const name of ["AUTH_URL", "NEXTAUTH_URL", "PUBLIC_URL"]) delete env[name];
  // On PostgreSQL the public origin is required (docs/decisions/018): the server's own.
  env.PUBLIC_URL = `http://127.0.0.1:${options.port}`;
  const server = startServer(build.dir, env, options.port);
  onFailure(() => `\nThe server's last lines:\n${server.logs().slice(-30).join("\n")}`);
  onCleanup("stop the server", () => server.stop().then(() => console.log("  stopped the server")));
  options.started?.(server);
  const startedAt = Date.now();
  try {
    await waitUntilReady(server, 120_000);
  } catch (error) {
    console.error(server.logs().slice(-40).join("\n"));
    throw error;
  }
  console.log(`  answering on ${server.baseUrl} after ${fmt((Date.now() - startedAt) / 1000)} s (pid ${server.pid})`);
  return server;
}

/**
 * A throwaway database on `BENCH_DATABASE_URL` seeded by `seed` (given its URL), freshly
 * analysed, and the production build serving it on `BENCH_PORT`.
 */
export async function serveSeeded<Seeded>(
  config: { BENCH_DATABASE_URL: string; BENCH_PORT: number },
  credentialsKey: string,
  seed: (databaseUrl: string) => Promise<Seeded>,
): Promise<{ server: Server; seeded: Seeded }> {
  await assertPortFree(config.BENCH_PORT);
  const database = await scratchDatabase(config.BENCH_DATABASE_URL);
  const seeded = await seed(database.url);
  await withAdmin(database.url, (c) => c.query("VACUUM ANALYZE"));
  const server = await serveBuild({ port: config.BENCH_PORT, databaseUrl: database.url, credentialsKey });
  return { server, seeded };
}

/** Prints the last lines the server logged that mention errors, if it logged any. */
export function reportServerErrors(server: Server): void {
  const errorLines = server.errorLines();
  if (errorLines === 0) return;
  console.log(`\n  The server logged ${errorLines} line(s) mentioning "error"; the last ones:`);
  for (const line of server.logs().filter((l) => /error/i.test(l)).slice(-5)) console.log(`    ${line.slice(0, 300)}`);
}

/** Polls until the server answers HTTP (any status), fails if it exits or takes too long. */
export async function waitUntilReady(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error("The server exited during startup.");
    try {
      await fetch(`${server.baseUrl}/sign-in`, { signal: AbortSignal.timeout(5000) }).then((r) => r.arrayBuffer());
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`The server did not answer within ${timeoutMs / 1000} s.`);
}

interface ProcessInfo {
  pid: number;
  command: string;
  rssKb: number;
  hwmKb: number;
}

/** `root` and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we were looking.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const command = argv
      .map((a) => (a.includes("/") ? path.basename(a) : a))
      .join(" ")
      .slice(0, 60);
    return { pid, command, rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** CPU time (user + system) used so far by `root` and its descendants, in milliseconds. */
export function cpuTimeMs(root: number): number {
  const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node runs on
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime: fields 14 to 17 of the line, 12 to 15 after "pid (comm) ".
      // The last two hold the time of children that exited, which would otherwise drop out.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

export interface MemoryReport {
  /** Per process: the kernel's peak resident set (VmHWM), the highest seen. */
  processes: { pid: number; command: string; peakKb: number; lastRssKb: number }[];
  /** The largest sum of VmRSS over the whole tree at one sampling instant. */
  peakTreeRssKb: number;
}

/** Samples the tree under `root` every `intervalMs` until stopped. */
export function sampleMemory(root: number, intervalMs = 200) {
  const peaks = new Map<number, { command: string; peakKb: number; lastRssKb: number }>();
  let peakTreeRssKb = 0;
  function sample() {
    let sum = 0;
    for (const pid of processTree(root)) {
      const info = readProcess(pid);
      if (!info) continue;
      sum += info.rssKb;
      const seen = peaks.get(pid);
      // The command line changes when Next.js sets process.title: keep the latest.
      if (!seen || info.hwmKb >= seen.peakKb) peaks.set(pid, { command: info.command, peakKb: info.hwmKb, lastRssKb: info.rssKb });
      else seen.lastRssKb = info.rssKb;
    }
    peakTreeRssKb = Math.max(peakTreeRssKb, sum);
  }
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): MemoryReport {
      clearInterval(timer);
      sample();
      return {
        processes: [...peaks].map(([pid, p]) => ({ pid, ...p })).sort((a, b) => b.peakKb - a.peakKb),
        peakTreeRssKb,
      };
    },
  };
}
