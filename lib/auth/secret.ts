// The secret that signs and encrypts console sessions. Configured with AUTH_SECRET; on the
// embedded database (a single machine) it is generated once into the data folder instead, so
// `npm start` works out of the box and sessions survive restarts. On PostgreSQL in production
// there is no fallback: several instances must share one configured secret, and without it
// nothing protected is served (fail closed). See docs/decisions/003-auth-secret.md.
import { dataDirSecret } from "../data-dir-secret";
import { env, isEmbedded } from "../env";

let cached: string | null | undefined;

export function authSecret(): string | null {
  if (cached !== undefined) return cached;
  const e = env();
  if (e.AUTH_SECRET) return (cached = e.AUTH_SECRET);
  if (isEmbedded() || e.NODE_ENV !== "production") {
    return (cached = dataDirSecret(e.DATA_DIR, "auth-secret"));
  }
  return (cached = null);
}
