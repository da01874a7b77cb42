// `prisma generate` only needs the schema engine binary to exist, not to run: on a machine
// that cannot download it (offline, or behind a registry-only proxy) point the CLI at any
// existing file. Migrations never use that binary (see prisma/migrate.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
