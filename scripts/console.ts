// npm run console -- <command> [flags]: operator commands on the configured database (the
// embedded one in DATA_DIR, or PostgreSQL with DATABASE_URL). Passwords never appear on the
// command line (where `ps` and shell history would keep them): they are read from standard input.
// Only what parsing the command line needs is imported up front: the database stack (Prisma,
// PGlite) takes seconds to load, and --help or a mistyped flag should not wait for it.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Database } from "../lib/db";
import { DataDirLockedError } from "../lib/data-dir-lock";
import { ConfigError } from "../lib/env";
import { AppError } from "../lib/errors";
import { CredentialsKeyError } from "../lib/crypto/secret-box";
import { ROLES, type Role } from "../lib/auth/permissions";
import { compareNames, sortKey } from "../lib/sort";

const USAGE = `Usage: npm run console -- <command> [flags]

Commands:
  user:create --email <email> --name <name> --role admin
  user:create --email <email> --name <name> --role owner|developer|viewer --partner <partner name>
                  Creates a console user. The password is the first line of standard input
                  (on a terminal it is prompted for, without echo).
  user:list       Lists every user with their role and partner.
  partner:create --name <name>
                  Creates a partner, so that its members can be created.
  keys:rotate --provider indeed|seek
                  Makes a new key sign that emulator's tokens. Running servers switch to it
                  within 30 seconds; the previous key stays in the JWKS until every token it
                  signed has expired. Needs the same CREDENTIALS_KEY as the servers.

The database is the embedded one in DATA_DIR (default .data), or PostgreSQL when DATABASE_URL is
set. Only one process can open the embedded database: stop the server first.

Example:
  printf '%s\\n' "$PASSWORD" | npm run console -- user:create --email ops@example.com --name Ops --role admin`;

/** An error the operator can act on: printed as one line, exit code 1. */
class CliError extends Error {}

type Flags = Record<string, string | undefined>;

interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  run(flags: Flags): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  "user:create": {
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      partner: { type: "string" },
    },
    async run(flags) {
      const email = required(flags, "email", "<email>");
      const name = required(flags, "name", "<name>");
      const role = parseRole(required(flags, "role", ROLES.map((r) => r.toLowerCase()).join("|")));
      const partnerName = flags.partner?.trim();
      if (role === "ADMIN" && flags.partner !== undefined) {
        throw new CliError("An admin belongs to no partner: leave out --partner.");
      }
      if (role !== "ADMIN" && !partnerName) {
        throw new CliError(`--role ${role.toLowerCase()} needs --partner <partner name>.`);
      }
      await withDatabase(async (database) => {
        const { createUser } = await import("../lib/data/users");
        const password = await readPassword();
        const user = await createUser({ email, name, role, password, partnerName }, database.prisma);
        const where = partnerName ? ` at ${partnerName}` : "";
        console.log(`Created ${user.role.toLowerCase()} ${user.email} (${user.name})${where}.`);
      });
    },
  },

  "user:list": {
    options: {},
    async run() {
      await withDatabase(async (database) => {
        const users = await database.prisma.user.findMany({
          select: { email: true, name: true, role: true, partner: { select: { name: true } } },
        });
        if (users.length === 0) {
          console.log("No users yet: create one with user:create.");
          return;
        }
        const rows = users
          .map((u) => [u.email, u.role.toLowerCase(), u.partner?.name ?? "-", u.name])
          .sort((a, b) => compareNames(a[2]!, b[2]!) || compareNames(a[0]!, b[0]!));
        printTable(["EMAIL", "ROLE", "PARTNER", "NAME"], rows);
      });
    },
  },

  "partner:create": {
    options: { name: { type: "string" } },
    async run(flags) {
      const name = required(flags, "name", "<name>");
      if (name.length > 200) throw new CliError("A partner name has at most 200 characters.");
      await withDatabase(async (database) => {
        try {
          await database.prisma.partner.create({ data: { name, sortName: sortKey(name) }, select: { id: true } });
        } catch (error) {
          const { isUniqueViolation } = await import("../lib/data/shared");
          if (isUniqueViolation(error)) {
            throw new CliError(`A partner named "${name}" already exists.`);
          }
          throw error;
        }
        console.log(`Created partner "${name}".`);
      });
    },
  },

  "keys:rotate": {
    options: { provider: { type: "string" } },
    async run(flags) {
      const given = required(flags, "provider", "indeed|seek");
      const provider = given.toLowerCase();
      if (provider !== "indeed" && provider !== "seek") {
        throw new CliError(`Unknown provider "${given}": --provider is indeed or seek.`);
      }
      await withDatabase(async (database) => {
        const { rotateSigningKey, ACTIVE_KEY_RECHECK_MS } = await import("../lib/oauth/signing-keys");
        const owner =
          provider === "indeed" ? (await import("../lib/providers/indeed/keys")).INDEED_KEYS : (await import("../lib/providers/seek/keys")).SEEK_KEYS;
        const rotation = await rotateSigningKey(owner, database.prisma);
        console.log(
          `Rotated the ${provider === "indeed" ? "Indeed" : "SEEK"} signing key: ${rotation.kid} signs from now on ` +
            `(running servers switch within ${ACTIVE_KEY_RECHECK_MS / 1000} s).`,
        );
        const rows = rotation.published.map((k) => [
          k.kid,
          k.retiredAt ? "retired" : "active",
          k.publishedUntil ? `until ${k.publishedUntil.toISOString()}` : "-",
        ]);
        console.log("Published in the JWKS:");
        printTable(["KID", "STATE", "PUBLISHED"], rows);
      });
    },
  },
};

function required(flags: Flags, flag: string, placeholder: string): string {
  const value = flags[flag]?.trim();
  if (!value) throw new CliError(`Missing --${flag} ${placeholder}. See --help.`);
  return value;
}

function parseRole(value: string): Role {
  const role = ROLES.find((r) => r === value.toUpperCase());
  if (!role) {
    throw new CliError(`Unknown role "${value}": --role is one of ${ROLES.map((r) => r.toLowerCase()).join(", ")}.`);
  }
  return role;
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "));
  }
}

/** Opens the configured database, checks it is migrated, runs `work`, and always closes it. */
async function withDatabase(work: (database: Database) => Promise<void>) {
  const { configuredDatabaseOptions, openDatabase } = await import("../lib/db");
  const database = openDatabase(configuredDatabaseOptions());
  try {
    await assertMigrated(database);
    await work(database);
  } finally {
    // PGlite keeps the event loop alive (and the data folder locked) until it is closed.
    await database.close();
  }
}

/** The CLI never migrates: that is db:migrate's job, run on deploy. */
async function assertMigrated(database: Database) {
  const [table] = await database.prisma.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`;
  if (!table?.exists) throw new CliError("The database has no schema yet: run npm run db:migrate first.");
  const rows = await database.prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const { readMigrations } = await import("../prisma/migrate");
  const applied = new Set(rows.map((r) => r.migration_name));
  const missing = readMigrations().migrationDirectories.filter((m) => !applied.has(m.path));
  if (missing.length > 0) {
    throw new CliError(`The database is missing ${missing.length} migration(s): run npm run db:migrate first.`);
  }
}

async function readPassword(): Promise<string> {
  const password = process.stdin.isTTY ? await promptOnTerminal() : await firstLine(process.stdin);
  if (password === "") {
    throw new CliError("The password is empty: give it on the first line of standard input.");
  }
  return password;
}

/** The first line of a pipe or file, without its line ending; the rest is not read. */
function firstLine(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const finish = (line: string) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.destroy();
      resolve(line.replace(/\r$/, ""));
    };
    const onData = (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf("\n");
      if (end !== -1) finish(buffer.slice(0, end));
    };
    const onEnd = () => finish(buffer);
    const onError = (error: Error) => reject(error);
    stream.setEncoding("utf8");
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}

async function promptOnTerminal(): Promise<string> {
  const password = await readHidden("Password: ");
  if (password === "") return password;
  if ((await readHidden("Repeat the password: ")) !== password) throw new CliError("The passwords do not match.");
  return password;
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(chars.join(""));
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new CliError("Cancelled."));
        if (char === "\u007f" || char === "\b") chars = chars.slice(0, -1);
        else if (char >= " ") chars.push(char);
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.on("data", onData);
    stdin.resume();
  });
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    console.log(USAGE);
    return 0;
  }
  const [name, ...rest] = argv;
  if (!name) {
    console.error(USAGE);
    return 1;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}. See --help.`);
  let flags: Flags;
  try {
    flags = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    // Node's messages for unknown flags go on about positional arguments: keep the first sentence.
    const message = (error as Error).message.split("\n")[0]!.replace(/\. To specify a positional argument.*$/, "");
    throw new CliError(`${message.replace(/\.?$/, ".")} See --help.`);
  }
  await command.run(flags);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const expected = [CliError, AppError, DataDirLockedError, ConfigError, CredentialsKeyError];
  if (expected.some((kind) => error instanceof kind)) {
    console.error(`✖ ${(error as Error).message}`);
  } else {
    console.error(`✖ Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
}
