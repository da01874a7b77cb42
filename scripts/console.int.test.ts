// The operator CLI as an operator runs it: a child process on a database of its own (a fresh
// DATA_DIR, or a fresh PostgreSQL database in the integration-postgres project), the password
// piped on standard input.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "../lib/auth/password";
import { acquireDataDirLock } from "../lib/data-dir-lock";
import { openDatabase, type DatabaseOptions } from "../lib/db";
import { createScratchPostgres, testDatabaseTarget, type ScratchPostgres } from "../lib/testing/database";

// Every case spawns Node with tsx (and PGlite): seconds each, a minute on a busy two-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// What `npx tsx` runs, without npm's own start-up time and warnings on stderr.
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const target = testDatabaseTarget();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A database of this file's own; `env` points the CLI at it. */
interface CliDatabase {
  env: Record<string, string>;
  options: DatabaseOptions;
  dispose(): Promise<void>;
}

async function createCliDatabase(): Promise<CliDatabase> {
  if (target.kind === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "partner-console-cli-"));
    return {
      env: { DATA_DIR: dataDir },
      options: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const scratch: ScratchPostgres = await createScratchPostgres(target.serverUrl);
  return { env: { DATABASE_URL: scratch.url }, options: { url: scratch.url, poolSize: 1 }, dispose: scratch.drop };
}

function run(script: string, args: string[], env: Record<string, string>, input = ""): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Only the database chosen here: never the developer's own.
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  if (!env.DATA_DIR) childEnv.DATA_DIR = path.join(tmpdir(), "partner-console-cli-unused");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { cwd: root, env: childEnv, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // The CLI may stop before reading its input (a usage error): that is not a test failure.
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (db: CliDatabase, args: string[], input?: string) => run("scripts/console.ts", args, db.env, input);

/** An operator error: exit code 1, one line on stderr matching `message`, nothing on stdout. */
function expectError(result: Run, message: RegExp) {
  expect(result.stderr.trim(), result.stderr).toMatch(message);
  expect(result.stderr.trim().split("\n"), result.stderr).toHaveLength(1);
  expect(result.stdout).toBe("");
  expect(result.code).toBe(1);
}

function expectSuccess(result: Run, message: RegExp) {
  expect(result.stderr, result.stderr).toBe("");
  expect(result.stdout).toMatch(message);
  expect(result.code).toBe(0);
}

describe(`npm run console on ${target.kind}`, () => {
  let db: CliDatabase;

  beforeAll(async () => {
    db = await createCliDatabase();
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it("refuses to work on a database without the schema", async () => {
    expectError(await cli(db, ["user:list"]), /run npm run db:migrate first/);
  });

  describe("once db:migrate has run", () => {
    beforeAll(async () => {
      const migrated = await run("scripts/db-migrate.ts", [], db.env);
      expect(migrated.stderr, migrated.stderr).toBe("");
      expect(migrated.code).toBe(0);
    });

    it("lists no users on a fresh database", async () => {
      expectSuccess(await cli(db, ["user:list"]), /No users yet/);
    });

    it("creates a partner, and refuses a second one with the same name", async () => {
      expectSuccess(await cli(db, ["partner:create", "--name", "Acme Recruiting"]), /Created partner "Acme Recruiting"/);
      expectError(await cli(db, ["partner:create", "--name", "Acme Recruiting"]), /already exists/);
    });

    it("creates an admin with the first line of standard input as the password", async () => {
      const result = await cli(
        db,
        ["user:create", "--email", " Ada@Example.COM", "--name", "Ada Admin", "--role", "admin"],
        "admin-password-1\nnot part of the password\n",
      );
      expectSuccess(result, /Created admin ada@example\.com/);
    });

    it("creates a member of a partner, with a password ending in CRLF", async () => {
      const result = await cli(
        db,
        ["user:create", "--email", "olivia@acme.example", "--name", "Olivia Owner", "--role", "OWNER", "--partner", "Acme Recruiting"],
        "owner password 2\r\n",
      );
      expectSuccess(result, /Created owner olivia@acme\.example \(Olivia Owner\) at Acme Recruiting/);
    });

    it("refuses a duplicate email, whatever its case", async () => {
      const result = await cli(
        db,
        ["user:create", "--email", "ADA@example.com", "--name", "Ada Again", "--role", "admin"],
        "another-password-3\n",
      );
      expectError(result, /already exists/);
    });

    it("refuses an unknown partner", async () => {
      const result = await cli(
        db,
        ["user:create", "--email", "eve@acme.example", "--name", "Eve", "--role", "developer", "--partner", "Acme Recruting"],
        "developer-password-4\n",
      );
      expectError(result, /no partner named "Acme Recruting"/);
    });

    it("refuses an empty or a short password", async () => {
      const args = ["user:create", "--email", "vic@acme.example", "--name", "Vic", "--role", "viewer", "--partner", "Acme Recruiting"];
      expectError(await cli(db, args, ""), /password is empty/);
      expectError(await cli(db, args, "\nviewer-password-5\n"), /password is empty/);
      expectError(await cli(db, args, "short\n"), /at least 12 characters/);
    });

    it("lists the users it created, and stored exactly the passwords given", async () => {
      const result = await cli(db, ["user:list"]);
      expectSuccess(result, /^EMAIL +ROLE +PARTNER +NAME\n/);
      const lines = result.stdout.trim().split("\n").slice(1);
      expect(lines.map((l) => l.split(/ {2,}/))).toEqual([
        ["ada@example.com", "admin", "-", "Ada Admin"],
        ["olivia@acme.example", "owner", "Acme Recruiting", "Olivia Owner"],
      ]);

      const database = openDatabase(db.options);
      try {
        const users = await database.prisma.user.findMany({ select: { email: true, passwordHash: true } });
        const hash = (email: string) => users.find((u) => u.email === email)!.passwordHash;
        expect(users).toHaveLength(2);
        expect(await verifyPassword("admin-password-1", hash("ada@example.com"))).toBe(true);
        expect(await verifyPassword("owner password 2", hash("olivia@acme.example"))).toBe(true);
        expect(await verifyPassword("owner password 2\r", hash("olivia@acme.example"))).toBe(false);
      } finally {
        await database.close();
      }
    });

    if (target.kind === "pglite") {
      it("stops with the lock's message while another process holds the embedded database", async () => {
        const release = acquireDataDirLock(path.resolve(db.env.DATA_DIR!));
        try {
          expectError(await cli(db, ["user:list"]), new RegExp(`in use by process ${process.pid}\\b.*Stop that process first`));
        } finally {
          release();
        }
        expectSuccess(await cli(db, ["user:list"]), /ada@example\.com/);
      });
    }
  });
});

// Usage errors are caught before any database is opened: the same on every backend, so run once.
if (target.kind === "pglite") {
  describe("npm run console usage", () => {
    const env = { DATA_DIR: path.join(tmpdir(), "partner-console-cli-unused") };
    const usage = (args: string[], input?: string) => run("scripts/console.ts", args, env, input);

    it("prints the usage with --help, and exits 0", async () => {
      const result = await usage(["--help"]);
      expectSuccess(result, /^Usage: npm run console -- <command>/);
      for (const command of ["user:create", "user:list", "partner:create"]) expect(result.stdout).toContain(command);
      expectSuccess(await usage(["user:create", "--help"]), /^Usage:/);
    });

    it("prints the usage on stderr and exits 1 without a command", async () => {
      const result = await usage([]);
      expect(result.stderr).toMatch(/^Usage:/);
      expect(result.code).toBe(1);
    });

    it("refuses an unknown command", async () => {
      expectError(await usage(["user:delete", "--email", "a@b.example"]), /Unknown command "user:delete"/);
    });

    it("refuses a bad role", async () => {
      const result = await usage(["user:create", "--email", "a@b.example", "--name", "A", "--role", "superuser"], "password-123456\n");
      expectError(result, /Unknown role "superuser".*admin, owner, developer, viewer/);
    });

    it("refuses missing flags", async () => {
      const cases: [string[], RegExp][] = [
        [["user:create", "--name", "A", "--role", "admin"], /Missing --email/],
        [["user:create", "--email", "a@b.example", "--role", "admin"], /Missing --name/],
        [["user:create", "--email", "a@b.example", "--name", "A"], /Missing --role/],
        [["user:create", "--email", "--name", "A"], /--email/],
        [["partner:create"], /Missing --name/],
        [["partner:create", "--name", "  "], /Missing --name/],
      ];
      const results = await Promise.all(cases.map(([args]) => usage(args)));
      results.forEach((result, i) => expectError(result, cases[i]![1]));
    });

    it("refuses a member without a partner and an admin with one", async () => {
      expectError(
        await usage(["user:create", "--email", "a@b.example", "--name", "A", "--role", "viewer"]),
        /--role viewer needs --partner/,
      );
      expectError(
        await usage(["user:create", "--email", "a@b.example", "--name", "A", "--role", "admin", "--partner", "Acme"]),
        /admin belongs to no partner/,
      );
    });

    it("refuses unknown flags and stray arguments", async () => {
      expectError(await usage(["user:create", "--emial", "a@b.example"]), /Unknown option '--emial'/);
      expectError(await usage(["user:list", "everyone"]), /Unexpected argument 'everyone'/);
    });
  });
}
