// npm run db:migrate: applies pending migrations to the configured database (embedded, or
// PostgreSQL with DATABASE_URL). Safe to run on every deploy: applied migrations are skipped.
import { prepareDatabase } from "./prepare-database";

try {
  const { applied } = await prepareDatabase({ seedDemo: false });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exitCode = 1;
}

// The schema engine's WebAssembly bindings leave a timer behind after free(): everything is
// closed by now, so exit instead of idling ~10 s.
process.exit(process.exitCode ?? 0);
