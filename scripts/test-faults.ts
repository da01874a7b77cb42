// npm run test:faults: the fault suite (playwright.faults.config.ts) on the PostgreSQL server
// TEST_DATABASE_URL names, against the current production build (built first when there is none,
// which `npm test`'s end-to-end run has just made). Without TEST_DATABASE_URL there is no
// PostgreSQL to run on, and it says so.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const server = process.env.TEST_DATABASE_URL?.trim();
if (!server) {
  console.log("Fault suite: not run, TEST_DATABASE_URL is not set (it needs a PostgreSQL server).");
  process.exit(0);
}
const require = createRequire(import.meta.url);
if (!existsSync(".next/BUILD_ID")) {
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [require.resolve("@playwright/test/cli"), "test", "--config", "playwright.faults.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, FAULTS_DATABASE_URL: server },
});
process.exit(run.status ?? 1);
