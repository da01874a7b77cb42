// Client secrets: their limits, the status a row is in, and the context that binds a sealed
// value to its row. Pure: the console and the emulators read the same definitions.
// See docs/decisions/007-credential-storage.md.

/** Active (neither revoked nor expired) secrets one OAuth client may hold at once. */
export const MAX_ACTIVE_SECRETS = 5;
export const SECRET_LABEL_MAX_LENGTH = 80;
/** An optional expiry lies at most this many days ahead. */
export const MAX_SECRET_LIFETIME_DAYS = 3 * 366;

export type SecretStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export const SECRET_STATUS_LABELS: Record<SecretStatus, string> = {
  ACTIVE: "Active",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

/**
 * Derived at read time, never stored: `expiresAt <= now` is expired the instant it passes (no
 * job has to run). Revocation wins over expiry.
 */
export function secretStatus(secret: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): SecretStatus {
  if (secret.revokedAt) return "REVOKED";
  if (secret.expiresAt && secret.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

/**
 * The rows that still authenticate, as a Prisma `where` on ClientSecret. The token endpoint
 * states the same condition in SQL (FIND_CLIENT in lib/oauth/client-auth.ts): change both
 * together, so a revoked or expired secret stops working immediately.
 */
export function activeSecretWhere(now = new Date()) {
  return {
    revokedAt: null,
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

/** The associated data a secret's value is sealed with: a ciphertext opens on its own row only. */
export function secretSealContext(secretId: string): string {
  return `client-secret:${secretId}`;
}
