// Auth.js reports a session cookie it cannot read (forged, truncated, expired, or sealed with a
// previous AUTH_SECRET) as a JWTSessionError and answers "no session". That is the client's
// cookie, not a failure of ours: one warning line with the reason, no stack. The same error
// type also wraps failures of our own jwt/session callbacks, which stay unexpected errors.
/** What Auth.js's decode() (and jose under it) throws for a token that does not decode. */
const UNREADABLE_MESSAGES = new Set(["no matching decryption secret", "Invalid JWT"]);

/** The reason the session cookie could not be read, or null when the error is something else. */
export function sessionCookieRefusal(error: unknown): string | null {
  // Auth.js's AuthError subclasses carry their name in `type`.
  if (!(error instanceof Error) || (error as { type?: unknown }).type !== "JWTSessionError") return null;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  if (!(cause instanceof Error)) return null;
  const code = (cause as { code?: unknown }).code;
  // jose's token errors: ERR_JWE_INVALID, ERR_JWE_DECRYPTION_FAILED, ERR_JWT_EXPIRED, …
  if (typeof code === "string" && code.startsWith("ERR_JW")) return code;
  return UNREADABLE_MESSAGES.has(cause.message) ? cause.message : null;
}
