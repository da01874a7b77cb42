// Brings the configured database up to date: pending migrations, the sort keys of rows older
// than them (prisma/sort-keys.ts), the service catalog on a fresh database, and (when asked) the
// demo world on an empty one. Closes the database after, so the embedded one is free for the
// server process.
import { configuredDatabaseOptions, openDatabase } from "../lib/db";
import { applyMigrations } from "../prisma/migrate";
import { seedServiceCatalog } from "../prisma/catalog";
import { hasUsers, seedDemoWorld } from "../prisma/demo-world";
import { fillSortKeys } from "../prisma/sort-keys";

export async function prepareDatabase({ seedDemo }: { seedDemo: boolean }) {
  const database = openDatabase(configuredDatabaseOptions());
  try {
    const applied = await applyMigrations(database.adapter);
    await fillSortKeys(database.prisma);
    let seeded = false;
    if (seedDemo && !(await hasUsers(database.prisma))) {
      await seedDemoWorld(database.prisma);
      seeded = true;
    } else if ((await database.prisma.service.count()) === 0) {
      await seedServiceCatalog(database.prisma);
    }
    return { applied, seeded };
  } finally {
    await database.close();
  }
}
