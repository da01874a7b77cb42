// The secret that signs and encrypts console sessions. Configured with AUTH_SECRET; on the
// embedded database (a single machine) it is generated once into the data folder instead, so
// `npm start` works out of the box and sessions survive restarts. On PostgreSQL in production
// there is no fallback: several instances must share one configured secret, and without it
// nothing protected is served (fail closed). See docs/decisions/003-auth-secret.md.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isEmbedded } from "../env";

let cached: string | null | undefined;

export function authSecret(): string | null {
  if (cached !== undefined) return cached;
  const e = env();
  if (e.AUTH_SECRET) return (cached = e.AUTH_SECRET);
  if (isEmbedded() || e.NODE_ENV !== "production") {
    return (cached = generatedSecret(e.DATA_DIR));
  }
  return (cached = null);
}

function generatedSecret(dataDir: string): string {
  if (dataDir.startsWith("memory://")) return randomBytes(32).toString("base64url");
  const file = path.resolve(/* turbopackIgnore: true */ dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if two processes race, exactly one writes and both read the winner's secret.
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}
