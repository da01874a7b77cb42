// What a database dump would show: every value of every column of every table, for the tests
// that prove no secret or token is stored in plain form (lib/data/credentials.int.test.ts, the
// token tool's actions test).
import { expect } from "vitest";
import type { PrismaClient } from "../generated/prisma/client";

/** Every value of every column of every table, as the strings a dump would show. */
export async function dumpEverything(prisma: PrismaClient): Promise<string[]> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["ClientSecret", "ActivityEvent", "Client"]));
  const out: string[] = [];
  for (const { table_name } of tables) {
    // Every column cast to text by PostgreSQL itself (bytea as hex), plus bytea as raw bytes.
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table_name.replace(/"/g, '""')}"`);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value instanceof Uint8Array) {
          const buffer = Buffer.from(value);
          out.push(buffer.toString("latin1"), buffer.toString("hex"), buffer.toString("base64"));
        } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
          out.push(JSON.stringify(value));
        } else {
          out.push(String(value));
        }
      }
    }
    const text = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table_name.replace(/"/g, '""')}" t`);
    out.push(...text.map((r) => r.row));
  }
  return out;
}
