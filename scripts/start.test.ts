// npm start refuses a deployment without PUBLIC_URL, before it touches the database.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

function start(extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    // Nothing listens here: the check must come before any connection.
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CREDENTIALS_KEY: randomBytes(32).toString("base64"),
    ...extra,
  };
  return spawnSync(process.execPath, [tsx, "scripts/start.ts"], { env, encoding: "utf8", timeout: 60_000 });
}

describe("npm start on PostgreSQL", () => {
  it("fails with a clear message when PUBLIC_URL is not set", () => {
    const run = start();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PUBLIC_URL is not set");
  });
});
