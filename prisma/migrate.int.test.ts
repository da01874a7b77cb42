import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../lib/db";
import { useTestDatabase } from "../lib/testing/database";
import { applyMigrations, migrationsDir, pendingSchemaChanges, readMigrations } from "./migrate";

const t = useTestDatabase({ migrate: false });
const migrationNames = readMigrations().migrationDirectories.map((d) => d.path);

describe("the migrations", () => {
  // Replays the migrations in a shadow PGlite inside the WebAssembly schema engine: slow.
  it("build exactly the schema in schema.prisma", { timeout: 600_000 }, async () => {
    const scratch = openDatabase({ dataDir: "memory://" });
    try {
      expect(await pendingSchemaChanges(scratch.adapter)).toBe("");
    } finally {
      await scratch.close();
    }
  });

  it("exist, in folders named <timestamp>_<name>", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    for (const name of migrationNames) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/i);
  });
});

let first: string[];
let second: string[];

beforeAll(async () => {
  first = await applyMigrations(t.database.adapter);
  await advisoryLocksReleased();
  second = await applyMigrations(t.database.adapter);
});

/**
 * On PostgreSQL the schema engine's connection pool outlives applyMigrations, and its idle
 * connection keeps Prisma's migration advisory lock until pg closes it (10 s idle timeout); a
 * second applyMigrations meanwhile waits, and times out under load. Known defect, reported:
 * wait for the lock here so that this file tests what the migrations record.
 */
async function advisoryLocksReleased() {
  if (t.kind !== "postgresql") return;
  for (let waited = 0; waited < 60_000; waited += 250) {
    const [row] = await t.prisma.$queryRaw<{ held: bigint }[]>`
      SELECT count(*) AS held FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    if (row?.held === 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The migration advisory lock was not released within 60 s.");
}

describe("applyMigrations", () => {

  it("applies every migration, in order, on an empty database", () => {
    expect(first).toEqual(migrationNames);
  });

  it("applies nothing the second time", () => {
    expect(second).toEqual([]);
  });

  it("records each migration once in _prisma_migrations, finished, with the file's checksum", async () => {
    const rows = await t.prisma.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]
    >`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      const sql = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
  });
});

describe("the User_role_partner_check constraint", () => {
  const user = (role: "ADMIN" | "OWNER" | "DEVELOPER" | "VIEWER", partnerId: string | null) =>
    t.prisma.user.create({
      data: { email: `${crypto.randomUUID()}@example.test`, name: role, role, partnerId, passwordHash: "!" },
      select: { id: true },
    });

  it("refuses an admin who belongs to a partner", async () => {
    const partner = await t.rows.partner();
    await expect(user("ADMIN", partner.id)).rejects.toThrow(/User_role_partner_check/);
  });

  it("refuses an owner, a developer or a viewer without a partner", async () => {
    for (const role of ["OWNER", "DEVELOPER", "VIEWER"] as const) {
      await expect(user(role, null)).rejects.toThrow(/User_role_partner_check/);
    }
  });

  it("accepts an admin without a partner and members with one", async () => {
    const partner = await t.rows.partner();
    await expect(user("ADMIN", null)).resolves.toBeDefined();
    for (const role of ["OWNER", "DEVELOPER", "VIEWER"] as const) {
      await expect(user(role, partner.id)).resolves.toBeDefined();
    }
  });

  it("also holds on update: an owner cannot become an admin while keeping the partner", async () => {
    const partner = await t.rows.partner();
    const owner = await user("OWNER", partner.id);
    await expect(t.prisma.user.update({ where: { id: owner.id }, data: { role: "ADMIN" } })).rejects.toThrow(
      /User_role_partner_check/,
    );
    await expect(t.prisma.user.update({ where: { id: owner.id }, data: { partnerId: null } })).rejects.toThrow(
      /User_role_partner_check/,
    );
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: owner.id }, select: { role: true, partnerId: true } });
    expect(after).toEqual({ role: "OWNER", partnerId: partner.id });
  });
});
