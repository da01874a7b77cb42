// npm run db:migration -- <name>: writes a new migration from the difference between the
// migrations folder and schema.prisma. Replays the migrations in a throwaway in-memory
// database, so it needs no server and never touches your data.
import { openDatabase } from "../lib/db";
import { pendingSchemaChanges, writeMigration } from "../prisma/migrate";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (letters, digits and underscores)");
  process.exit(2);
}
const scratch = openDatabase({ dataDir: "memory://" });
try {
  const sql = await pendingSchemaChanges(scratch.adapter);
  if (sql === "") {
    console.log("schema.prisma and the migrations agree: no migration written.");
  } else {
    const folder = writeMigration(name, sql);
    console.log(`Wrote ${folder}/migration.sql:\n\n${sql}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await scratch.close();
}

// The schema engine's WebAssembly bindings leave a timer behind after free(): everything is
// closed by now, so exit instead of idling ~10 s.
process.exit(process.exitCode ?? 0);
