// The fault suite (npm run test:faults, part of npm test when TEST_DATABASE_URL is set): each spec
// builds its own world of two production instances on a fresh PostgreSQL database behind one
// PUBLIC_URL, with a TCP link to PostgreSQL it can cut and slow (e2e/faults/world.ts). One worker:
// the worlds are heavy, and a spec's cases run in order on its world.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e/faults",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 180_000,
  // Generous: two production servers, PostgreSQL and the browser share the machine.
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
  },
});
