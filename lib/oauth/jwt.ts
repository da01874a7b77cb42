import "server-only";
// Signing and verifying the emulators' JWTs with their database-held keys.
import { sign } from "node:crypto";
import { errors, jwtVerify, type JWTPayload, type JWTHeaderParameters } from "jose";
import type { Provider } from "../generated/prisma/enums";
import { InvalidToken } from "./errors";
import { activeSigningKey, publicKeyFor, SIGNING_ALG } from "./signing-keys";

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/**
 * Signs `claims` with the provider's active key; header `{kid, typ: "JWT", alg: "ES256"}`.
 * A JWS compact serialization (RFC 7515 §7.1) signed in one synchronous call: ECDSA P-256 with
 * SHA-256, the signature as R || S of 32 bytes each (RFC 7518 §3.4, what "ieee-p1363" encodes).
 * On the token endpoints' hot path, so no WebCrypto job and promise per token.
 */
export async function signJwt(provider: Provider, claims: JWTPayload): Promise<string> {
  const key = await activeSigningKey(provider);
  const signingInput = `${base64url(JSON.stringify({ kid: key.kid, typ: "JWT", alg: SIGNING_ALG }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(signingInput, "ascii"), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

/**
 * Verifies a JWT this provider signed for `issuer`: signature by one of its keys, ES256 only,
 * `iss`, `exp` and `iat`. Anything else is an invalid_token.
 * @see RFC 6750 §3.1
 */
export async function verifyJwt(provider: Provider, token: string, issuer: string): Promise<JWTPayload> {
  if (token.length > 8192 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    throw new InvalidToken("The access token is malformed.");
  }
  try {
    const { payload } = await jwtVerify(
      token,
      async (header: JWTHeaderParameters) => {
        const key = typeof header.kid === "string" ? await publicKeyFor(provider, header.kid) : null;
        if (!key) throw new InvalidToken("The access token was not signed by this issuer.");
        return key;
      },
      { issuer, algorithms: [SIGNING_ALG], typ: "JWT", requiredClaims: ["iat", "exp", "sub"] },
    );
    return payload;
  } catch (error) {
    if (error instanceof InvalidToken) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidToken("The access token has expired.");
    if (error instanceof errors.JOSEError) throw new InvalidToken("The access token is invalid.");
    throw error;
  }
}
