import "server-only";
// Brute-force protection for client authentication at every provider's token endpoint.
// @see RFC 6749 §2.3.1 (the server MUST protect endpoints using password authentication
// against brute force attacks), RFC 6585 §4 (429 Too Many Requests, Retry-After)
//
// Failures are counted per provider and client_id in the shared RateLimit table, so every
// instance sees the same count; successes are not counted and write nothing. Once a client_id
// has failed `max` times in the window, every authentication that needs a secret is refused
// with 429 until the window ends, even with the right secret, so the answer during the lockout
// says nothing about the guess. The count comes with the client's row (lib/oauth/client-auth.ts
// reads it in the same statement), so a client with the right secret pays no extra query.
// Unknown client_ids are counted like known ones, so the throttle does not tell which exist.
// See docs/decisions/018.
import { hit, storedKey, type Limit } from "../data/rate-limit";
import type { Provider } from "../generated/prisma/enums";
import { InvalidClient, Throttled, type OAuthError } from "./errors";

/** Failed client authentications allowed per client_id in a window. */
export const CLIENT_AUTH_LIMIT: Limit = { max: 10, windowSeconds: 60 };

/** The one answer to every client authentication failure (RFC 6749 §5.2 invalid_client). */
export const CLIENT_AUTH_FAILED = "Client authentication failed.";

export function clientAuthFailed(): OAuthError {
  return new InvalidClient(CLIENT_AUTH_FAILED);
}

/** The RateLimit key of a client_id's failures, as stored (hashed). */
export function clientAuthFailureKey(provider: Provider, clientId: string): string {
  return storedKey(`client-auth:${provider}:${clientId}`);
}

function throttled(resetAtMs: number, now: Date): Throttled {
  const seconds = Math.max(1, Math.ceil((resetAtMs - now.getTime()) / 1000));
  return new Throttled(`Too many failed client authentications: try again in ${seconds} seconds.`, seconds);
}

/**
 * The lockout, from the counter read with the client: the failures in the window and when it
 * started (epoch ms), both null when there is no counter.
 */
export function lockout(failures: number | null, windowStartMs: number | null, now: Date): Throttled | null {
  if (failures === null || windowStartMs === null) return null;
  const resetAtMs = windowStartMs + CLIENT_AUTH_LIMIT.windowSeconds * 1000;
  if (resetAtMs <= now.getTime() || failures < CLIENT_AUTH_LIMIT.max) return null;
  return throttled(resetAtMs, now);
}

/**
 * Counts a failed authentication of `clientId` and returns what to answer: invalid_client
 * within the limit, 429 from the failure that passes it. The count is atomic, so concurrent
 * failures each get their own number and no more than `max` of them answer invalid_client.
 */
export async function countFailure(provider: Provider, clientId: string, now = new Date()): Promise<OAuthError> {
  const { count, resetAt } = await hit(`client-auth:${provider}:${clientId}`, CLIENT_AUTH_LIMIT, now);
  return count > CLIENT_AUTH_LIMIT.max ? throttled(resetAt.getTime(), now) : clientAuthFailed();
}
