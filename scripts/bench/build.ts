// The production build the benchmark serves: reused when .next/BUILD_ID exists; when someone
// else's `next build` is running in this checkout we wait for it rather than race it; only
// otherwise do we build. The server then runs from a private copy of the build, so that a
// rebuild in the checkout during the run (others work here too) cannot pull files from under it.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes running `next build` (or Next's "next-build" worker title) in `root`. */
function runningBuilds(root: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!/next-build|next(\.js)? build\b/.test(cmdline)) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) === root) pids.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}

/**
 * Ensures `root` has a production build. `onStart` receives a stop function while our own
 * build runs, so that an interrupted benchmark can stop it.
 */
export async function ensureBuild(
  root: string,
  timeoutMs: number,
  onStart: (stop: () => void) => void,
): Promise<"existing" | "waited" | "built"> {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (existsSync(buildId)) return "existing";
  const deadline = Date.now() + timeoutMs;
  if (runningBuilds(root).length > 0) {
    console.log("  another `next build` is running in this checkout: waiting for it");
    while (runningBuilds(root).length > 0 && Date.now() < deadline) await sleep(2000);
    if (existsSync(buildId)) return "waited";
    if (Date.now() >= deadline) throw new Error("The other build did not finish in time.");
  }
  console.log("  .next/BUILD_ID is missing: running `next build`…");
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  onStart(() => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => output.push(...chunk.split("\n").filter((l) => l.trim())));
  }
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), Math.max(0, deadline - Date.now()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  if (code !== 0 || !existsSync(buildId)) {
    throw new Error(`next build failed (exit code ${code}):\n${output.slice(-30).join("\n")}`);
  }
  return "built";
}

function buildId(root: string): string | null {
  try {
    return readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * A private project root for the server: the build copied (without its cache), everything else
 * linked to the checkout. Returns its path and the build id; `remove` deletes only the copy.
 */
export async function snapshotBuild(
  root: string,
  timeoutMs: number,
  onStart: (stop: () => void) => void,
): Promise<{ dir: string; buildId: string; remove: () => void }> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    await ensureBuild(root, deadline - Date.now(), onStart);
    const id = buildId(root);
    if (!id || runningBuilds(root).length > 0) {
      await sleep(2000); // someone is rebuilding: wait for them
      continue;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), "pc-bench-"));
    const remove = () => rmSync(dir, { recursive: true, force: true }); // unlinks links, never follows them
    try {
      for (const entry of readdirSync(root)) {
        if (entry === ".next" || entry === ".data") continue;
        symlinkSync(path.join(root, entry), path.join(dir, entry));
      }
      cpSync(path.join(root, ".next"), path.join(dir, ".next"), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => path.relative(root, source) !== path.join(".next", "cache"),
      });
    } catch (error) {
      remove();
      // A build that starts while we copy deletes files under us: try again.
      if (attempt >= 3) throw error;
      continue;
    }
    if (buildId(root) === id && buildId(dir) === id && runningBuilds(root).length === 0) return { dir, buildId: id, remove };
    remove();
  }
  throw new Error("Could not take a consistent copy of the build in time.");
}
