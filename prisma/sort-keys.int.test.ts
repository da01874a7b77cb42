import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../lib/testing/database";
import { sortKey } from "../lib/sort";
import { fillSortKeys } from "./sort-keys";

const t = useTestDatabase();

describe("fillSortKeys", () => {
  it("gives rows written before the sort keys existed their keys, and leaves the others alone", async () => {
    const partner = await t.prisma.partner.create({ data: { name: "Older Partner", sortName: "" }, select: { id: true } });
    const older = await t.prisma.app.create({
      data: { partnerId: partner.id, name: "Older app 10", sortName: "", provider: "INDEED", credentialType: "OAUTH2" },
      select: { id: true },
    });
    const newer = await t.rows.app(partner.id, "Newer app");

    expect(await fillSortKeys(t.prisma)).toBe(2);
    expect(await t.prisma.partner.findUnique({ where: { id: partner.id }, select: { sortName: true } })).toEqual({ sortName: sortKey("Older Partner") });
    expect(await t.prisma.app.findUnique({ where: { id: older.id }, select: { sortName: true } })).toEqual({ sortName: sortKey("Older app 10") });
    expect(await t.prisma.app.findUnique({ where: { id: newer.id }, select: { sortName: true } })).toEqual({ sortName: sortKey("Newer app") });
    expect(await fillSortKeys(t.prisma)).toBe(0);
  });
});
