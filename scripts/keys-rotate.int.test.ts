// `npm run console -- keys:rotate --provider indeed|seek` as an operator runs it: a child process on
// a database of its own (a fresh DATA_DIR, or a fresh PostgreSQL database), with the servers'
// CREDENTIALS_KEY.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseOptions } from "../lib/db";
import { createScratchPostgres, testDatabaseTarget } from "../lib/testing/database";

vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const target = testDatabaseTarget();
const CREDENTIALS_KEY = randomBytes(32).toString("base64");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let env: Record<string, string>;
let options: DatabaseOptions;
let dispose: () => Promise<void>;

function run(script: string, args: string[]): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, CREDENTIALS_KEY };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  if (!env.DATA_DIR) childEnv.DATA_DIR = path.join(tmpdir(), "partner-console-cli-unused");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function keys() {
  const database = openDatabase({ ...options, poolSize: 1 });
  try {
    return await database.prisma.signingKey.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, provider: true, retiredAt: true } });
  } finally {
    await database.close();
  }
}

describe(`keys:rotate on ${target.kind}`, () => {
  beforeAll(async () => {
    if (target.kind === "pglite") {
      const dataDir = mkdtempSync(path.join(tmpdir(), "partner-console-keys-"));
      env = { DATA_DIR: dataDir };
      options = { dataDir };
      dispose = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const scratch = await createScratchPostgres(target.serverUrl);
      env = { DATABASE_URL: scratch.url };
      options = { url: scratch.url };
      dispose = scratch.drop;
    }
    const migrated = await run("scripts/db-migrate.ts", []);
    expect(migrated.code, migrated.stderr).toBe(0);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it("makes a new key active and keeps the previous one published", async () => {
    const first = await run("scripts/console.ts", ["keys:rotate", "--provider", "indeed"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Rotated the Indeed signing key: [0-9a-f-]{36} signs from now on/);
    const second = await run("scripts/console.ts", ["keys:rotate", "--provider", "INDEED"]);
    expect(second.code, second.stderr).toBe(0);
    const rows = await keys();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.retiredAt).toBeInstanceOf(Date);
    expect(rows[1]!.retiredAt).toBeNull();
    expect(second.stdout).toContain(`${rows[1]!.id}  active`);
    expect(second.stdout).toMatch(new RegExp(`${rows[0]!.id}\\s+retired\\s+until \\d{4}-`));
  });

  it("rotates SEEK's key on its own, leaving Indeed's as they were", async () => {
    const result = await run("scripts/console.ts", ["keys:rotate", "--provider", "seek"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Rotated the SEEK signing key: [0-9a-f-]{36} signs from now on/);
    const rows = await keys();
    expect(rows.map((k) => [k.provider, k.retiredAt === null])).toEqual([
      ["INDEED", false],
      ["INDEED", true],
      ["SEEK", true],
    ]);
    // Only SEEK's keys are listed as published for SEEK.
    expect(result.stdout).toContain(`${rows[2]!.id}  active`);
    expect(result.stdout).not.toContain(rows[1]!.id);
  });

  it("refuses an unknown provider and a missing flag", async () => {
    for (const args of [["keys:rotate", "--provider", "linkedin"], ["keys:rotate"]]) {
      const result = await run("scripts/console.ts", args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(await keys()).toHaveLength(3);
  });
});
