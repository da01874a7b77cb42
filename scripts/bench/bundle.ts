// npm run bench:bundle: the JavaScript each console page makes a modern browser download before
// it is interactive ("first-load JS"), from the production build (built first when missing):
// the framework's root scripts plus the chunks of every client module the route's segments
// (root layout, console layout, nested layouts, error and not-found boundaries, the page)
// reference: the scripts the page's HTML lists, and the chunks its inline RSC payload names (a
// nested error boundary's, say), which the browser loads before hydrating. Chunks loaded on demand (next/dynamic,
// import()) are not among them. Each file is gzipped (level 6, as servers send it) and counted
// once per route. Every page under app/(console) is listed, whatever its name, so pages added
// later are covered; the baseline is what any App Router page pays (the root scripts and the root
// layout's chunks). Prints PASS/FAIL against the goal; exits non-zero only when it could not run.
//
// Knobs (optional): BENCH_BUNDLE_LIMIT_KB (170), BENCH_TIMEOUT (s for the whole run).
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { ensureBuild } from "./build";
import { announce, buildNeeded, fmt, onCleanup, root, runBenchmark, step, table } from "./lifecycle";

const config = z
  .object({
    BENCH_BUNDLE_LIMIT_KB: z.coerce.number().positive().default(170),
    BENCH_TIMEOUT: z.coerce.number().int().min(30).optional(),
  })
  .parse(process.env);
const timeLimitS = config.BENCH_TIMEOUT ?? 60 + (buildNeeded ? 900 : 0);
const CONSOLE_GROUP = "/(console)/";

const next = (...parts: string[]) => path.join(root, ".next", ...parts);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

const gzipped = new Map<string, number>();
/** A build file's gzipped size in bytes ("static/chunks/…" or "/_next/static/chunks/…"). */
function gzipBytes(file: string): number {
  const relative = file.replace(/^\/?_next\//, "").replace(/^\//, "");
  let size = gzipped.get(relative);
  if (size === undefined) {
    size = gzipSync(readFileSync(next(relative)), { level: 6 }).byteLength;
    gzipped.set(relative, size);
  }
  return size;
}

/** The entry chunks per segment module ("[project]/app/(console)/layout" → chunks) of one page. */
function entryChunks(pageKey: string): Record<string, string[]> {
  const file = next("server/app", `${pageKey}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 5000 });
  const manifest = sandbox.__RSC_MANIFEST?.[pageKey];
  if (!manifest?.entryJSFiles) throw new Error(`${file} names no entry chunks for ${pageKey}.`);
  return manifest.entryJSFiles;
}

/** The segment modules a page renders: the page and every layout and boundary on its path. */
function onPath(pageKey: string, moduleKey: string): boolean {
  const segment = moduleKey.replace(/^\[project\]\/app/, "");
  const dir = path.posix.dirname(segment);
  const pageDir = path.posix.dirname(pageKey);
  if (segment === pageKey) return true;
  // The root not-found page is rendered for unknown URLs only: no console page's payload names it.
  if (segment === "/not-found") return false;
  const above = dir === pageDir || pageDir.startsWith(`${dir === "/" ? "" : dir}/`);
  return above && /\/(layout|template|error|not-found|loading|global-error|forbidden|unauthorized)$/.test(segment);
}

function kb(bytes: number): string {
  return fmt(bytes / 1000);
}

async function main() {
  announce("Partner Console first-load JavaScript per console page (gzip, modern browsers).", "sizes do not depend on it");
  step(buildNeeded ? "Building the app" : "Reading the production build");
  let stopBuild = () => {};
  onCleanup("stop the build", async () => stopBuild());
  const how = await ensureBuild(root, 900_000, (stop) => (stopBuild = stop));
  const buildId = readFileSync(next("BUILD_ID"), "utf8").trim();
  console.log(`  build ${buildId} (${how})`);

  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(next("build-manifest.json"));
  const routes = readJson<Record<string, string>>(next("app-path-routes-manifest.json"));
  const pages = Object.entries(routes)
    .filter(([key]) => key.startsWith(CONSOLE_GROUP) && key.endsWith("/page"))
    .sort(([, a], [, b]) => a.localeCompare(b));
  if (pages.length === 0) throw new Error("The build has no console pages.");

  const total = (files: Iterable<string>) => [...new Set(files)].reduce((sum, f) => sum + gzipBytes(f), 0);
  const [firstKey] = pages[0]!;
  const baselineFiles = [...rootMainFiles, ...(entryChunks(firstKey)["[project]/app/layout"] ?? [])];
  const baseline = total(baselineFiles);

  const rows: string[][] = [["Route", "first-load JS kB", "over baseline kB", "files", "Result"]];
  let failures = 0;
  for (const [key, route] of pages) {
    const chunks = entryChunks(key);
    const files = new Set([...rootMainFiles, ...Object.entries(chunks).filter(([m]) => onPath(key, m)).flatMap(([, f]) => f)]);
    const bytes = total(files);
    const ok = bytes <= config.BENCH_BUNDLE_LIMIT_KB * 1000;
    if (!ok) failures++;
    rows.push([route, kb(bytes), kb(bytes - baseline), String(files.size), ok ? "PASS" : "FAIL"]);
  }
  rows.push(["(empty App Router page: root scripts and root layout)", kb(baseline), "0.0", String(new Set(baselineFiles).size), "baseline"]);
  step(`First-load JS per console page (goal: ≤ ${config.BENCH_BUNDLE_LIMIT_KB} kB gzip each)`);
  table(rows);
  step("Summary");
  console.log(
    `  ${pages.length - failures} of ${pages.length} console pages within ${config.BENCH_BUNDLE_LIMIT_KB} kB: ${failures ? "FAIL" : "PASS"}`,
  );
}

await runBenchmark(timeLimitS, main);
