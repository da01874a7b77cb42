// Run by `npm start` in a short-lived process of its own: applies pending migrations and seeds
// an empty embedded database, then exits, so the long-running parent never holds the Prisma
// client or the schema engine in memory.
import { prepareDatabase } from "./prepare-database";
import { env, isEmbedded } from "../lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-world";

try {
  const { seeded, applied } = await prepareDatabase({ seedDemo: isEmbedded() });
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const where = isEmbedded() ? `the embedded database in ${env().DATA_DIR}` : "PostgreSQL";
  console.log(`Partner Console on ${where}.`);
  if (seeded) {
    console.log(`Seeded the demo world. Sign in with any of these (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) {
      console.log(`  ${u.email.padEnd(24)} ${u.role.toLowerCase()}${u.partner ? ` at ${u.partner}` : ""}`);
    }
  }
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}\n`);
  process.exitCode = 1;
}

// The schema engine's WebAssembly bindings leave a timer behind after free(): everything is
// closed by now, so exit instead of idling ~10 s.
process.exit(process.exitCode ?? 0);
