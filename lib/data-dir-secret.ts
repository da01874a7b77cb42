// No "server-only" marker: the operator scripts (scripts/, under tsx) import it, and the marker throws there.
// Secrets generated once into the data folder of the embedded database (a single machine), so
// `npm start` works out of the box and they survive restarts. Owner-only permissions; if two
// processes race, exactly one writes and both read the winner's value.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The base64url value of `bytes` random bytes kept in `<dataDir>/<name>`, created on first use. */
export function dataDirSecret(dataDir: string, name: string, bytes = 32): string {
  if (dataDir.startsWith("memory://")) return randomBytes(bytes).toString("base64url");
  const file = path.resolve(/* turbopackIgnore: true */ dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}
