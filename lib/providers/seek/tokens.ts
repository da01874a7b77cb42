import "server-only";
// SEEK's partner and browser tokens: ES256 JWTs signed with SEEK's own keys (the same encrypted
// store as Indeed's, published at /seek/.well-known/jwks.json). Claims (docs/decisions/022):
// - both: `iss` (the emulator's /seek issuer), `aud` (the environment's audience), `azp` (the
//   credential's client id), `iat`, `exp`, `jti`, `token_use` ("partner" or "browser");
// - partner: `sub` `<client_id>@clients`, `gty` "client-credentials" (Auth0's shapes);
// - browser: `sub` the partner's anonymous user id, `hirer` the hirer's id, `scope`.
import { randomUUID } from "node:crypto";
import type { JWTPayload } from "jose";
import { JwtRejected, signJwt, verifyProviderJwt } from "../../oauth/jwt";
import { publicOrigin } from "../../public-origin";
import { environmentOfAudience, SEEK_AUDIENCES, type SeekEnvironment } from "./environments";

/** A browser token lives an hour, as SEEK's do. */
export const BROWSER_TOKEN_TTL_S = 3600;

/** The emulator's issuer: the app's public origin (PUBLIC_URL behind a proxy) + "/seek". */
export function seekIssuer(request: Request): string {
  return `${publicOrigin(request)}/seek`;
}

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

export async function signPartnerToken(input: {
  issuer: string;
  clientId: string;
  environment: SeekEnvironment;
  ttlS: number;
  now: Date;
}): Promise<string> {
  const { issuer, clientId, environment, ttlS, now } = input;
  return signJwt("SEEK", {
    iss: issuer,
    sub: `${clientId}@clients`,
    aud: SEEK_AUDIENCES[environment],
    azp: clientId,
    gty: "client-credentials",
    token_use: "partner",
    iat: epoch(now),
    exp: epoch(now) + ttlS,
    jti: randomUUID(),
  });
}

export async function signBrowserToken(input: {
  issuer: string;
  clientId: string;
  environment: SeekEnvironment;
  hirerId: string;
  userId: string;
  scopes: string[];
  now: Date;
}): Promise<string> {
  const { issuer, clientId, environment, hirerId, userId, scopes, now } = input;
  return signJwt("SEEK", {
    iss: issuer,
    sub: userId,
    aud: SEEK_AUDIENCES[environment],
    azp: clientId,
    token_use: "browser",
    hirer: hirerId,
    scope: scopes.join(" "),
    iat: epoch(now),
    exp: epoch(now) + BROWSER_TOKEN_TTL_S,
    jti: randomUUID(),
  });
}

export type VerifiedSeekToken =
  | { kind: "partner"; clientId: string; environment: SeekEnvironment; issuedAt: number }
  | {
      kind: "browser";
      clientId: string;
      environment: SeekEnvironment;
      issuedAt: number;
      hirerId: string;
      userId: string;
      scopes: string[];
    };

export type TokenKind = VerifiedSeekToken["kind"];

/** Why a token was refused; `kind` and `environment` when the token said (its expiry message). */
export class SeekTokenRejected extends Error {
  override name = "SeekTokenRejected";
  constructor(
    readonly reason: "malformed" | "invalid" | "expired",
    readonly kind?: TokenKind,
    readonly environment?: SeekEnvironment,
    /** The credential's client id of an expired token (its signature was verified). */
    readonly clientId?: string,
  ) {
    super(reason);
  }
}

function shapeOf(payload: JWTPayload): VerifiedSeekToken | null {
  const audience = typeof payload.aud === "string" ? payload.aud : null;
  const environment = audience ? environmentOfAudience(audience) : null;
  const issuedAt = payload.iat;
  if (!environment || typeof payload.azp !== "string" || typeof issuedAt !== "number") return null;
  if (payload.token_use === "partner") return { kind: "partner", clientId: payload.azp, environment, issuedAt };
  if (payload.token_use === "browser" && typeof payload.hirer === "string" && typeof payload.sub === "string" && typeof payload.scope === "string") {
    return {
      kind: "browser",
      clientId: payload.azp,
      environment,
      issuedAt,
      hirerId: payload.hirer,
      userId: payload.sub,
      scopes: payload.scope.split(" ").filter(Boolean),
    };
  }
  return null;
}

/**
 * Verifies a token SEEK's keys signed for `issuer`: ES256 only, `iss`, `exp`, `iat`, and the
 * claims above. Whether its credential still accepts it is the caller's database check.
 */
export async function verifySeekToken(token: string, issuer: string, now = new Date()): Promise<VerifiedSeekToken> {
  let payload: JWTPayload;
  try {
    payload = await verifyProviderJwt("SEEK", token, { issuer, requiredClaims: ["iat", "sub", "aud"], now });
  } catch (error) {
    if (!(error instanceof JwtRejected)) throw error;
    if (error.reason === "malformed") throw new SeekTokenRejected("malformed");
    if (error.reason === "expired") {
      // The signature was checked before the expiry, so these claims are SEEK's own.
      const shaped = error.payload ? shapeOf(error.payload) : null;
      throw new SeekTokenRejected("expired", shaped?.kind, shaped?.environment, shaped?.clientId);
    }
    throw new SeekTokenRejected("invalid");
  }
  const shaped = shapeOf(payload);
  if (!shaped) throw new SeekTokenRejected("invalid");
  return shaped;
}
