// No "server-only" marker: the operator scripts (scripts/, under tsx) import it, and the marker throws there.
// The key that protects credentials at rest: client secrets, Indeed Apply tokens' secrets and
// the emulators' private signing keys. Configured with CREDENTIALS_KEY; on the embedded
// database it is generated once into the data folder (owner-only). On PostgreSQL in
// production there is no fallback: every instance must decrypt what another one wrote, so the
// key is configuration, and without it no credential is served (fail closed), exactly like
// AUTH_SECRET. See docs/decisions/007-credential-storage.md.
import { env, isEmbedded } from "../env";
import { dataDirSecret } from "../data-dir-secret";

let cached: Buffer | null | undefined;

/** The 32-byte master key, or null when it is missing where it must be configured. */
export function credentialsKey(): Buffer | null {
  if (cached !== undefined) return cached;
  const e = env();
  if (e.CREDENTIALS_KEY) return (cached = Buffer.from(e.CREDENTIALS_KEY, "base64"));
  if (isEmbedded() || e.NODE_ENV !== "production") {
    return (cached = Buffer.from(dataDirSecret(e.DATA_DIR, "credentials-key"), "base64url"));
  }
  return (cached = null);
}

/** Tests install a key of their own. */
export function useCredentialsKeyForTesting(key: Buffer | undefined): void {
  cached = key;
}
