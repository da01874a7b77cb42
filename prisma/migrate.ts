// Migrations without a schema-engine download: Prisma's own schema engine compiled to
// WebAssembly, driven through the same driver adapters the app uses. It reads and writes
// prisma/migrations in Prisma's folder format and records `_prisma_migrations` exactly like
// `prisma migrate deploy`, so the stock CLI keeps working wherever it can fetch its engine.
// See docs/decisions/002-migrations-with-the-wasm-schema-engine.md.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const here = path.dirname(fileURLToPath(import.meta.url));
export const schemaPath = path.join(here, "schema.prisma");
export const migrationsDir = path.join(here, "migrations");
const filters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Node cannot `import` a .wasm file: instantiate it by hand and hand it to the bindings. */
function loadEngineModule() {
  engineModule ??= (async () => {
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

function schemaFiles() {
  return [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
}

export function readMigrations(dir = migrationsDir): MigrationList {
  mkdirSync(dir, { recursive: true });
  let lockfile: string | null = null;
  try {
    lockfile = readFileSync(path.join(dir, "migration_lock.toml"), "utf8");
  } catch {
    lockfile = null;
  }
  const migrationDirectories = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
      try {
        content = { tag: "ok", value: readFileSync(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: (error as Error).message };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadEngineModule();
  const logs: string[] = [];
  // The engine opens its own connections (a new pg pool each, on PostgreSQL) and does not close
  // them when freed: an idle one would hold the migration advisory lock until it times out.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => {
      const connection = await adapter.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await adapter.connectToShadowDb();
      opened.push(connection);
      return connection;
    },
  };
  const engine = await bindings.SchemaEngine.new(
    { datamodels: schemaFiles().map((f) => [f.path, f.content] as [string, string]) },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } catch (error) {
    throw new Error(`Schema engine: ${describe(error)}`, { cause: error });
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((connection) => connection.dispose()));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/** Applies every pending migration; returns the names of those it applied. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory) {
  return withEngine(adapter, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that would take a database built from the migrations to the schema in schema.prisma;
 * empty when they agree. Needs a shadow database: the adapter provides one.
 */
export async function pendingSchemaChanges(adapter: SqlMigrationAwareDriverAdapterFactory) {
  return withEngine(adapter, async (engine) => {
    const migrations = readMigrations();
    const out = await engine.diff({
      from:
        migrations.migrationDirectories.length === 0
          ? { tag: "empty" }
          : { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: schemaFiles() },
      script: true,
      exitCode: null,
      filters,
    });
    const script = (out.stdout ?? "").trim();
    return script === "-- This is an empty migration." ? "" : script;
  });
}

export function writeMigration(name: string, sql: string, now = new Date()): string {
  if (!/^[a-z0-9_]+$/i.test(name)) {
    throw new Error("A migration name may contain only letters, digits and underscores.");
  }
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  writeFileSync(
    path.join(migrationsDir, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return folder;
}
