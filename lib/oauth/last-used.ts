// A secret's lastUsedAt, kept to the minute: a busy client does not write its secret's row on
// every request. Provider-neutral: each provider's store passes the update of its own table.

/** How stale a secret's lastUsedAt may get before a use writes it again. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The rows a use may write: never used, or last used longer ago than the resolution. */
export type StaleLastUsed = { OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: Date } }] };

/**
 * Records a use at `now` unless the secret's last use (`lastUsedMs`) is recent enough. `write`
 * updates the secret's row filtered by `stale`: conditional, so concurrent requests of one client
 * write once, and never move it backwards.
 */
export async function markSecretUsed(lastUsedMs: number | null, now: Date, write: (stale: StaleLastUsed) => Promise<unknown>): Promise<void> {
  if (lastUsedMs !== null && now.getTime() - lastUsedMs < LAST_USED_RESOLUTION_MS) return;
  await write({ OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] });
}
