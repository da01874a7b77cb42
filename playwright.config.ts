// End-to-end tests (CONVENTIONS 10): `api` talks HTTP without a browser, `ui` drives Chromium.
// Each run builds the current code and serves it on a fresh embedded database, so every run
// starts from the same demo world and never touches a developer's .data folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Playwright loads this file again in every worker process; the workers inherit the runner's
// environment, so only the runner creates (and later removes) the data folder.
if (!process.env.E2E_DATA_DIR) {
  const created = mkdtempSync(path.join(tmpdir(), "partner-console-e2e-"));
  process.env.E2E_DATA_DIR = created;
  process.on("exit", () => rmSync(created, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;
// With E2E_POSTGRES_URL (a PostgreSQL server) the same suite runs on a fresh database there,
// seeded with `npm run db:seed` (scripts/e2e-postgres-server.ts); else on the embedded one.
const postgresServer = process.env.E2E_POSTGRES_URL?.trim() || undefined;

// Debian's Chromium: Playwright cannot download its own browsers on this machine.
const chromium = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

// Each run builds first, so that it tests the code as it is now; `npm test` builds once before
// both end-to-end runs and says so with E2E_PREBUILT=1 (the server refuses to start without a build).
const build = process.env.E2E_PREBUILT === "1" ? "" : "npm run build && ";

export default defineConfig({
  testDir: "e2e",
  // Two cores share the server, the build and the browser.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Generous: the machine is small and the server, the browser and the tests share it.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // `list` ends with its summary line ("N passed", "N failed"); any failure exits non-zero.
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    {
      name: "ui",
      testMatch: "ui/**/*.spec.ts",
      use: {
        browserName: "chromium",
        launchOptions: chromium,
        screenshot: "only-on-failure",
      },
    },
  ],
  webServer: {
    command: `${build}${postgresServer ? "tsx scripts/e2e-postgres-server.ts" : "npm start"}`,
    url: `${baseURL}/sign-in`,
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      // The demo world is seeded only into the embedded database; the PostgreSQL server script
      // seeds its own database and sets DATABASE_URL itself.
      DATABASE_URL: "",
    },
    reuseExistingServer: false,
    // The build runs first: minutes on a small machine, more when it is busy.
    timeout: 15 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
