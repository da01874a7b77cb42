// npm run test:e2e:postgres: the end-to-end suite again, on a fresh PostgreSQL database on the
// server TEST_DATABASE_URL names (the same variable the integration tests use). Without it there
// is no PostgreSQL to run on, and it says so: `npm test` then covers the embedded database only.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const server = process.env.TEST_DATABASE_URL?.trim();
if (!server) {
  console.log("End-to-end tests on PostgreSQL: not run, TEST_DATABASE_URL is not set (the suite ran on the embedded database).");
  process.exit(0);
}
const playwright = createRequire(import.meta.url).resolve("@playwright/test/cli");
const run = spawnSync(process.execPath, [playwright, "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_POSTGRES_URL: server },
});
process.exit(run.status ?? 1);
