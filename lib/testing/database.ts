// A database of its own for every integration test file: a throwaway in-memory PGlite, or a
// brand-new uniquely named PostgreSQL database created on TEST_DATABASE_URL's server and dropped
// afterwards. Nothing here ever opens, reads or drops a database it did not create: until a
// file's database is installed (and after it is closed), db() points at a tripwire that throws
// instead of opening the configured DATA_DIR or DATABASE_URL.
// The project (vitest.config.ts) chooses PGlite or PostgreSQL through `provide`.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, useDatabaseForTesting, type Database } from "../db";
import { useCredentialsKeyForTesting } from "../crypto/credentials-key";
import type { PrismaClient } from "../generated/prisma/client";
import type { CredentialType, Provider, ProvisioningStatus, Role } from "../generated/prisma/enums";
import type { SessionUser } from "../data/users";
import { sortKey } from "../sort";
import { applyMigrations } from "../../prisma/migrate";

export type TestDatabaseTarget = { kind: "pglite" } | { kind: "postgresql"; serverUrl: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}

/** The kind of database this test project runs on (set per project in vitest.config.ts). */
export function testDatabaseTarget(): TestDatabaseTarget {
  const target = inject("testDatabase");
  if (!target) {
    throw new Error("No test database configured: integration tests are named *.int.test.ts (vitest.config.ts).");
  }
  return target;
}

function tripwire(reason: string): Database {
  const fail = () => {
    throw new Error(reason);
  };
  const trap = new Proxy({}, { get: fail }) as never;
  return { prisma: trap, adapter: trap, query: fail, kind: "pglite", close: async () => {} };
}

const NO_DATABASE = "No test database is open here: call useTestDatabase() at the top of the test file.";
useDatabaseForTesting(tripwire(NO_DATABASE));
// A key of the file's own: tests never read or create the credentials key in DATA_DIR.
useCredentialsKeyForTesting(randomBytes(32));

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface ScratchPostgres {
  name: string;
  url: string;
  /** Drops this database, and only this one. */
  drop(): Promise<void>;
}

/** Creates an empty database with a fresh name on the server of `serverUrl`. */
export async function createScratchPostgres(serverUrl: string): Promise<ScratchPostgres> {
  const name = `partner_console_test_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;
  // CREATE DATABASE fails if the name exists, so we never adopt someone else's database.
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      // FORCE (PostgreSQL 13+) ends connections a failed test may have left open.
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

let counter = 0;
/** A name no other row in this process has, readable in failure messages. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${counter}-${randomBytes(3).toString("hex")}`;
}

/** What `rows.people` creates. */
export type People = Awaited<ReturnType<ReturnType<typeof testRows>["people"]>>;

/** Small row builders: each creates one row with defaults and returns what tests need. */
export function testRows(prisma: () => PrismaClient) {
  return {
    partner(name = uniqueName("Partner")) {
      return prisma().partner.create({ data: { name, sortName: sortKey(name) }, select: { id: true, name: true } });
    },

    /** A user that cannot sign in (no valid password hash), shaped like the session's user. */
    async user(role: Role, partner: { id: string; name: string } | null, email?: string): Promise<SessionUser> {
      const created = await prisma().user.create({
        data: {
          email: email ?? `${uniqueName(role.toLowerCase()).replace(/\W+/g, "-")}@example.test`,
          name: uniqueName(role),
          role,
          partnerId: partner?.id ?? null,
          passwordHash: "!unusable",
        },
        select: { id: true, email: true, name: true, role: true, partnerId: true },
      });
      return { ...created, partnerName: partner?.name ?? null };
    },

    /** The cast of the tenant-isolation tests: an owner, a developer and a viewer of each partner, and an admin. */
    async people(acme: { id: string; name: string }, globex: { id: string; name: string }) {
      return {
        acmeOwner: await this.user("OWNER", acme),
        acmeDeveloper: await this.user("DEVELOPER", acme),
        acmeViewer: await this.user("VIEWER", acme),
        globexOwner: await this.user("OWNER", globex),
        globexDeveloper: await this.user("DEVELOPER", globex),
        admin: await this.user("ADMIN", null),
      };
    },

    app(
      partnerId: string,
      name = uniqueName("App"),
      fields: { provider?: Provider; credentialType?: CredentialType; description?: string } = {},
    ) {
      return prisma().app.create({
        data: { partnerId, name, sortName: sortKey(name), provider: "INDEED", credentialType: "OAUTH2", ...fields },
        select: { id: true, name: true, partnerId: true },
      });
    },

    service(fields: { name?: string; reviewRequired?: boolean } = {}) {
      const name = fields.name ?? uniqueName("Service");
      return prisma().service.create({
        data: {
          name,
          slug: name.toLowerCase().replace(/\W+/g, "-"),
          provider: "INDEED",
          description: `${name}, for tests.`,
          reviewRequired: fields.reviewRequired ?? true,
          documentationUrl: "https://docs.example.test/",
        },
        select: { id: true, name: true, slug: true },
      });
    },

    appService(appId: string, serviceId: string, status: ProvisioningStatus, statusChangedAt = new Date()) {
      return prisma().appService.create({
        data: { appId, serviceId, status, statusChangedAt },
        select: { id: true, status: true, statusChangedAt: true },
      });
    },
  };
}

export interface TestDatabase {
  readonly database: Database;
  readonly prisma: PrismaClient;
  readonly kind: Database["kind"];
  /** Migrations applied when the database was opened (empty with `migrate: false`). */
  readonly appliedMigrations: string[];
  readonly rows: ReturnType<typeof testRows>;
}

/**
 * Opens a fresh database before the file's tests, migrates it (unless `migrate: false`) and
 * installs it as db(); closes and drops it afterwards. Handles are usable inside hooks and tests.
 * `poolSize` is the PostgreSQL pool's (a test of concurrent requests wants the server's default).
 */
export function useTestDatabase({ migrate = true, poolSize = 4 }: { migrate?: boolean; poolSize?: number } = {}): TestDatabase {
  let database: Database | undefined;
  let scratch: ScratchPostgres | undefined;
  let appliedMigrations: string[] = [];

  const open = (): Database => {
    if (!database) throw new Error("The test database is open only inside hooks and tests.");
    return database;
  };

  beforeAll(async () => {
    const target = testDatabaseTarget();
    if (target.kind === "pglite") {
      database = openDatabase({ dataDir: "memory://" });
    } else {
      scratch = await createScratchPostgres(target.serverUrl);
      database = openDatabase({ url: scratch.url, poolSize });
    }
    useDatabaseForTesting(database);
    if (migrate) appliedMigrations = await applyMigrations(database.adapter);
  });

  afterAll(async () => {
    useDatabaseForTesting(tripwire(NO_DATABASE));
    try {
      await database?.close();
    } finally {
      database = undefined;
      await scratch?.drop();
      scratch = undefined;
    }
  });

  return {
    get database() {
      return open();
    },
    get prisma() {
      return open().prisma;
    },
    get kind() {
      return open().kind;
    },
    get appliedMigrations() {
      return appliedMigrations;
    },
    rows: testRows(() => open().prisma),
  };
}
