// SEEK's client rules for the token tool's SEEK flow, as pure functions (no I/O, no clock of
// their own): how long a partner or browser token may be reused (its `expires_in` minus a
// minute), the cache entry a browser token is kept under (one per hirer and scope set), and
// when a GraphQL or browser token answer calls for a new token and one retry.
// @see docs/decisions/038-token-tool-seek.md
import { createHash } from "node:crypto";

/** SEEK asks clients to stop using a cached token about a minute before it expires. */
export const CACHE_BUFFER_S = 60;

/** The vault entry of the partner token. */
export const PARTNER_TOKEN_ENTRY = "partner_token";

/**
 * Until when a token issued now with `expiresIn` seconds may be reused, or null when it may
 * not be cached at all (a lifetime not over the buffer, or none stated).
 */
export function cacheUntil(expiresIn: number | undefined, now: Date): Date | null {
  if (expiresIn === undefined || !Number.isFinite(expiresIn) || expiresIn <= CACHE_BUFFER_S) return null;
  return new Date(now.getTime() + (expiresIn - CACHE_BUFFER_S) * 1000);
}

/** The scopes as SEEK reads them: space-separated, duplicates and order not significant. */
export function scopeSet(scopes: readonly string[]): string[] {
  return [...new Set(scopes.filter((s) => s.length > 0))].sort();
}

/**
 * The vault entry of the browser token for this hirer and scope set: the same hirer with the
 * same scopes, in any order, reuses it; another hirer or scope set gets its own. Hashed, so
 * the entry's name stays short whatever the hirer id.
 */
export function browserTokenEntry(hirerId: string, scopes: readonly string[]): string {
  const digest = createHash("sha256").update(JSON.stringify([hirerId, scopeSet(scopes)])).digest("base64url").slice(0, 16);
  return `browser_token_${digest}`;
}

/** The `extensions.code` of each error of a GraphQL answer (a missing code is ""). */
export function graphqlErrorCodes(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => {
    const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof code === "string" ? code : "";
  });
}

export type RetryDecision = { retry: true; reason: string } | { retry: false; reason: string | null };

/**
 * Whether a GraphQL answer calls for a new token and one retry. Only the first attempt may be
 * retried; only `UNAUTHENTICATED` (an expired or invalid token) is worth it, and never when the
 * answer also says `FORBIDDEN`: a valid token without the relationship or scope stays refused
 * however fresh it is. The code alone decides: SEEK's wording of the messages is no contract.
 */
export function graphqlRetry(body: unknown, attempt: number): RetryDecision {
  const codes = graphqlErrorCodes(body);
  if (codes.includes("FORBIDDEN")) {
    return { retry: false, reason: "FORBIDDEN is not retried: the token is valid but lacks the hirer relationship or the scope, and a new one would not have it either." };
  }
  if (!codes.includes("UNAUTHENTICATED")) return { retry: false, reason: null };
  if (attempt > 1) return { retry: false, reason: "Still UNAUTHENTICATED after the one retry: not retried again." };
  return { retry: true, reason: "UNAUTHENTICATED: the token has expired or is not valid, so a new one is requested and the query retried once." };
}

/**
 * Whether the browser token endpoint's answer calls for a new partner token and one retry:
 * HTTP 401 (the partner token has expired or is invalid), on the first attempt only. Other
 * refusals (no relationship with the hirer, an unknown scope) would be answered the same again.
 */
export function browserTokenRetry(status: number, attempt: number): RetryDecision {
  if (status !== 401) return { retry: false, reason: null };
  if (attempt > 1) return { retry: false, reason: "Still refused (HTTP 401) after the one retry: not retried again." };
  return { retry: true, reason: "HTTP 401: the partner token has expired or is not valid, so a new one is requested and the browser token request retried once." };
}
