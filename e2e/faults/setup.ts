// One world per spec file: built before its first test, torn down after its last.
import { test } from "../fixtures";
import { createWorld, type World } from "./world";

export function faultWorld(): () => World {
  let world: World | undefined;
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    const server = process.env.FAULTS_DATABASE_URL;
    if (!server) throw new Error("FAULTS_DATABASE_URL must name a PostgreSQL server (npm run test:faults sets it).");
    world = await createWorld(server);
  });
  test.afterAll(async () => {
    test.setTimeout(120_000);
    await world?.close();
  });
  return () => {
    if (!world) throw new Error("The fault world is not built");
    return world;
  };
}
