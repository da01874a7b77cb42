// The stored sort keys (docs/decisions/005) of rows written before they existed: the migration
// that added them cannot compute them in SQL, so they start empty and are filled here, right
// after the migrations, on every start. Every writer sets them from then on.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { sortKey } from "../lib/sort";

/** Fills empty sort keys; returns how many rows it changed. A key is never empty once set. */
export async function fillSortKeys(prisma: PrismaClient): Promise<number> {
  let changed = 0;
  for (const partner of await prisma.partner.findMany({ where: { sortName: "" }, select: { id: true, name: true } })) {
    await prisma.partner.update({ where: { id: partner.id }, data: { sortName: sortKey(partner.name) } });
    changed++;
  }
  for (const app of await prisma.app.findMany({ where: { sortName: "" }, select: { id: true, name: true } })) {
    await prisma.app.update({ where: { id: app.id }, data: { sortName: sortKey(app.name) } });
    changed++;
  }
  return changed;
}
