// lib/db.ts on a real database: hot-path statements parse alike on both drivers, and on
// PostgreSQL a connection the server ends never stops the process, and close() leaves none open.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { openDatabase, statement } from "./db";
import { createScratchPostgres, testDatabaseTarget, useTestDatabase } from "./testing/database";

const t = useTestDatabase();
const target = testDatabaseTarget();

const ROW = statement<{ id: string; label: string; flag: boolean; ms: number; bytes: Uint8Array; list: string[]; none: string | null }>(
  "db_test_row",
  `SELECT gen_random_uuid()::text AS "id", $1::text AS "label", true AS "flag",
          (EXTRACT(EPOCH FROM TIMESTAMP '2026-11-30 10:00:00.123') * 1000)::float8 AS "ms",
          '\\x00ff10'::bytea AS "bytes", ARRAY['a', 'b c']::text[] AS "list", NULL::text AS "none"`,
);

describe(`hot-path statements on ${target.kind}`, () => {
  it("return the column types the callers rely on, the same on either driver", async () => {
    const [row] = await t.database.query(ROW, ["it's"]);
    expect(row).toBeDefined();
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row).toMatchObject({ label: "it's", flag: true, ms: Date.UTC(2026, 10, 30, 10, 0, 0, 123), list: ["a", "b c"], none: null });
    expect(row!.bytes).toBeInstanceOf(Uint8Array);
    expect([...row!.bytes]).toEqual([0, 255, 16]);
  });

  it("take their parameters as values, never as SQL", async () => {
    const [row] = await t.database.query(ROW, [`'); DROP TABLE "User"; --`]);
    expect(row!.label).toBe(`'); DROP TABLE "User"; --`);
    expect(await t.prisma.user.count()).toBeGreaterThanOrEqual(0);
  });

  it("with settings, run them for themselves alone, and roll back when they fail", async () => {
    const SETTINGS = `SELECT current_setting('enable_sort') AS "sort", current_setting('synchronous_commit') AS "commit", 1 / $1::int AS "n"`;
    const tuned = statement<{ sort: string; commit: string; n: number }>("db_test_tuned", SETTINGS, { without: ["sort"], asynchronousCommit: true });
    const plain = statement<{ sort: string; commit: string; n: number }>("db_test_plain", SETTINGS);
    expect(await t.database.query(tuned, [1])).toEqual([{ sort: "off", commit: "off", n: 1 }]);
    await expect(t.database.query(tuned, [0])).rejects.toThrow(/division by zero/);
    // Every connection is back to its defaults, outside any transaction.
    const after = await Promise.all(Array.from({ length: 4 }, () => t.database.query(plain, [1])));
    for (const rows of after) expect(rows).toEqual([{ sort: "on", commit: "on", n: 1 }]);
    expect(await t.prisma.$queryRaw`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);
  });

  it("refuse a name that is not lower-case words", () => {
    expect(() => statement("Find client", "SELECT 1")).toThrow(/statement name/);
  });
});

if (target.kind === "postgresql") {
  const serverUrl = target.serverUrl;
  const backends = async (admin: pg.Client, name: string) =>
    Number((await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows[0].n);

  describe("PostgreSQL connections", () => {
    it("survive the server ending an idle pooled connection: it is logged, and the next statement opens another", async () => {
      // Only driver statements here, so Prisma's adapter never adds a listener of its own to the
      // pool: the pool's own listener is all that stands between this error and the process.
      const scratch = await createScratchPostgres(serverUrl);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const database = openDatabase({ url: scratch.url, poolSize: 2 });
      try {
        await database.query(ROW, ["first"]);
        const ended = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [scratch.name],
        );
        expect(ended.rowCount).toBe(1);
        await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining("a pooled database connection ended")));
        const [row] = await database.query(ROW, ["again"]);
        expect(row!.label).toBe("again");
      } finally {
        logged.mockRestore();
        await database.close();
        await admin.end();
        await scratch.drop();
      }
    });

    it("are all closed when close() returns", async () => {
      const scratch = await createScratchPostgres(serverUrl);
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        const database = openDatabase({ url: scratch.url, poolSize: 4 });
        await Promise.all([database.query(ROW, ["a"]), database.query(ROW, ["b"]), database.prisma.$queryRaw`SELECT 1`]);
        expect(await backends(admin, scratch.name)).toBeGreaterThan(0);
        await database.close();
        expect(await backends(admin, scratch.name)).toBe(0);
      } finally {
        await admin.end();
        await scratch.drop();
      }
    });
  });
}
