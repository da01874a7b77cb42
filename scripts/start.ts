// npm start: checks the configuration, applies pending migrations, seeds the demo world into an
// empty embedded database, then serves the production build with `next start`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { prepareDatabase } from "./prepare-database";
import { ConfigError, env, isEmbedded } from "../lib/env";
import { authSecret } from "../lib/auth/secret";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-world";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

let config;
try {
  config = env();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
if (!authSecret()) {
  fail(
    "AUTH_SECRET is not set. On PostgreSQL every app instance must share one secret of at least " +
      "32 characters (e.g. `openssl rand -base64 32`). Nothing is served without it.",
  );
}
if (!existsSync(".next/BUILD_ID")) fail("There is no production build yet: run `npm run build` first.");

const { seeded, applied } = await prepareDatabase({ seedDemo: isEmbedded() });
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
const where = isEmbedded() ? `the embedded database in ${config.DATA_DIR}` : "PostgreSQL";
console.log(`Partner Console on ${where}.`);
if (seeded) {
  console.log(`Seeded the demo world. Sign in with any of these (password "${DEMO_PASSWORD}"):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(24)} ${u.role.toLowerCase()}${u.partner ? ` at ${u.partner}` : ""}`);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "--port", String(config.PORT)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
