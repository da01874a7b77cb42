// npm run db:seed: migrates, then seeds the demo world, but only into a database without users.
import { prepareDatabase } from "./prepare-database";
import { DEMO_PASSWORD } from "../prisma/demo-world";

try {
  const { seeded } = await prepareDatabase({ seedDemo: true });
  console.log(
    seeded
      ? `Seeded the demo world (every demo password is "${DEMO_PASSWORD}").`
      : "The database already has users: the demo world is only seeded into an empty database.",
  );
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exitCode = 1;
}

// The schema engine's WebAssembly bindings leave a timer behind after free(): everything is
// closed by now, so exit instead of idling ~10 s.
process.exit(process.exitCode ?? 0);
