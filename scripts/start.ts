// npm start: checks the configuration, applies pending migrations, seeds the demo world into an
// empty embedded database, then serves the production build (scripts/serve.mjs: Next.js's
// request handler, refusing the methods Next.js would answer with a 500).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { ConfigError, env, publicUrlMissing } from "../lib/env";
import { authSecret } from "../lib/auth/secret";
import { credentialsKey } from "../lib/crypto/credentials-key";

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
if (!credentialsKey()) {
  fail(
    "CREDENTIALS_KEY is not set. On PostgreSQL every app instance must share one key that encrypts " +
      "client secrets (32 random bytes in base64, e.g. `openssl rand -base64 32`). Nothing is served without it.",
  );
}
if (publicUrlMissing()) {
  fail(
    "PUBLIC_URL is not set. On PostgreSQL the app's public origin must be configured (e.g. " +
      "https://console.example.com): issuers and discovery documents are built on it, and must not " +
      "follow whatever Host header a request carries. Nothing is served without it.",
  );
}
if (!existsSync(".next/BUILD_ID")) fail("There is no production build yet: run `npm run build` first.");

const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");
const prepared = spawnSync(process.execPath, [tsx, "scripts/db-prepare.ts"], { stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

// V8 sizes the heap by the machine's memory and, under load, lets garbage grow to several times
// the live set before collecting: the server holds ~80 MB live after warm-up but reached 420-570
// MB resident under the dashboard benchmark. A limit makes V8 collect sooner (a little more GC
// work) and keeps it well under 400 MB. It is a hard limit: raise it if the live set ever nears it.
const heap = `--max-old-space-size=${config.SERVER_HEAP_MB}`;
const child = spawn(process.execPath, [heap, "scripts/serve.mjs"], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(config.PORT), NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
