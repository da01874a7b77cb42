// The end-to-end suite's server on PostgreSQL (playwright.config.ts, when E2E_POSTGRES_URL names
// a server): a brand-new database on that server, migrated and seeded with the demo world the
// way an operator would (`npm run db:seed`), then `npm start` on it with fresh secrets, as a
// deployment runs. The database is dropped when the server stops, and only that one: its name
// is new, and CREATE DATABASE fails rather than adopt an existing one.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";

const serverUrl = process.env.E2E_POSTGRES_URL?.trim();
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error("✖ E2E_POSTGRES_URL must name a PostgreSQL server (postgresql://…).");
  process.exit(2);
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

const name = `partner_console_e2e_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;
await onServer(`CREATE DATABASE "${name}"`);
console.log(`End-to-end database: ${name}`);

let dropped = false;
async function drop() {
  if (dropped) return;
  dropped = true;
  // FORCE ends connections the server may not have closed yet.
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: Error) =>
    console.error(`✖ could not drop ${name}: ${error.message}`),
  );
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: url.toString(),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  CREDENTIALS_KEY: randomBytes(32).toString("base64"),
  // A deployment on PostgreSQL names its public origin (docs/decisions/018): here, the test server's.
  PUBLIC_URL: `http://localhost:${process.env.PORT ?? "3000"}`,
  // The testing tools' specs start the partner's endpoint on this machine: a deployment on
  // PostgreSQL refuses private addresses unless told (docs/decisions/020), and this one is told.
  OUTBOUND_ALLOW_PRIVATE_ADDRESSES: "true",
};
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const seeded = spawnSync(process.execPath, [tsx, "scripts/db-seed.ts"], { env, stdio: "inherit" });
if (seeded.status !== 0) {
  await drop();
  process.exit(seeded.status ?? 1);
}

const server = spawn(process.execPath, [tsx, "scripts/start.ts"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  void drop().finally(() => process.exit(code ?? (signal ? 0 : 1)));
});
