import "server-only";
// The bearer token of a request to /seek/auth/token or /seek/graphql: verified against SEEK's
// keys, then against its credential in the database, so a token works on every instance and
// "expire issued tokens now" (the credential's tokensNotBefore) ends it on every instance too.
import { issuedBeforeCutoff } from "../../credentials/seek";
import { seekTokenCredential, type SeekCredential, type SeekTokenCredential } from "./store";
import type { SeekEnvironment } from "./environments";
import { SeekTokenRejected, verifySeekToken, type TokenKind, type VerifiedSeekToken } from "./tokens";

export type SeekAuthentication =
  | { ok: true; token: VerifiedSeekToken; credential: SeekTokenCredential }
  | { ok: false; message: string; credential: SeekCredential | null };

const TOKEN_NAME: Record<TokenKind, Record<SeekEnvironment, string>> = {
  partner: { PLAYGROUND: "Public test partner token", LIVE: "Partner token" },
  browser: { PLAYGROUND: "Public test browser token", LIVE: "Browser token" },
};

/** SEEK's wording, e.g. "Public test partner token is expired". */
export function expiredMessage(kind?: TokenKind, environment?: SeekEnvironment): string {
  return kind && environment ? `${TOKEN_NAME[kind][environment]} is expired` : "Token is expired";
}

export const MISSING_TOKEN_MESSAGE = "A partner or browser token is required in the Authorization header";
const INVALID_TOKEN_MESSAGE = "Invalid token";

/** The token of `Authorization: Bearer <token>`, undefined without the header, null when malformed. */
export function bearerOf(request: Request): string | null | undefined {
  const header = request.headers.get("authorization")?.trim();
  if (!header) return undefined;
  const match = /^bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  return match ? match[1]! : null;
}

export async function authenticateBearer(request: Request, issuer: string, now = new Date()): Promise<SeekAuthentication> {
  const bearer = bearerOf(request);
  if (bearer === undefined) return { ok: false, message: MISSING_TOKEN_MESSAGE, credential: null };
  if (bearer === null) return { ok: false, message: "The Authorization header must be Bearer followed by a token", credential: null };
  let token: VerifiedSeekToken;
  try {
    token = await verifySeekToken(bearer, issuer, now);
  } catch (error) {
    if (!(error instanceof SeekTokenRejected)) throw error;
    if (error.reason !== "expired") return { ok: false, message: INVALID_TOKEN_MESSAGE, credential: null };
    // Recorded against its credential, so Integration health shows the client using stale tokens.
    const credential = error.clientId ? await seekTokenCredential(error.clientId) : null;
    return { ok: false, message: expiredMessage(error.kind, error.environment), credential };
  }
  const credential = await seekTokenCredential(token.clientId);
  // A credential deleted, or (never by design) moved to another environment, invalidates its tokens.
  if (!credential || credential.environment !== token.environment) {
    return { ok: false, message: INVALID_TOKEN_MESSAGE, credential };
  }
  // Issued before "expire issued tokens now": expired, so clients take their renew-and-retry path.
  if (issuedBeforeCutoff(token.issuedAt, credential.tokensNotBefore)) {
    return { ok: false, message: expiredMessage(token.kind, token.environment), credential };
  }
  return { ok: true, token, credential };
}
