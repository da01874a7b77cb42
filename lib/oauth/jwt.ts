import "server-only";
// Signing and verifying the emulators' JWTs with their database-held keys.
import { sign, verify } from "node:crypto";
import type { JWTPayload } from "jose";
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

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Why a token failed verifyProviderJwt: not three base64url segments of JSON (`malformed`), a key
 * the provider does not have (`unknown-key`), a bad signature, header or claim (`invalid`), or
 * past its `exp` (`expired`, with its claims: the signature was verified first).
 */
export class JwtRejected extends Error {
  override name = "JwtRejected";
  constructor(
    readonly reason: "malformed" | "unknown-key" | "invalid" | "expired",
    readonly payload?: JWTPayload,
  ) {
    super(reason);
  }
}

function segment(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** RFC 7519 §5.1: "JWT", compared case-insensitively, with or without the "application/" prefix. */
function isJwtType(typ: unknown): boolean {
  return typeof typ === "string" && typ.toLowerCase().replace(/^application\//, "") === "jwt";
}

export interface JwtChecks {
  issuer: string;
  /** Claims that must be present besides `iss` and `exp`. */
  requiredClaims: string[];
  now?: Date;
}

/**
 * Verifies a JWT one of this provider's keys signed, in the steps of RFC 7519 §7.2 (the checks
 * jose's jwtVerify makes, with `algorithms: [ES256]` and `typ: "JWT"`): a JSON header with
 * alg ES256, typ JWT, a kid of the provider's and no `crit`; the ECDSA P-256 signature (R || S,
 * RFC 7518 §3.4) by that key; then a JSON claims set with this `iss`, a numeric `exp` still in
 * the future, numeric `iat` and `nbf` (not in the future) when present, and the required
 * claims. Verified in one synchronous call once the key is known, as signJwt signs: on the
 * protected resources' hot path, so no WebCrypto job and promise per request.
 */
export async function verifyProviderJwt(provider: Provider, token: string, checks: JwtChecks): Promise<JWTPayload> {
  if (token.length > 8192 || !JWT_SHAPE.test(token)) throw new JwtRejected("malformed");
  const [encodedHeader, encodedPayload, encodedSignature] = token.split(".") as [string, string, string];
  const header = segment(encodedHeader);
  if (!header) throw new JwtRejected("malformed");
  if (header.alg !== SIGNING_ALG || !isJwtType(header.typ) || "crit" in header || typeof header.kid !== "string") {
    throw new JwtRejected("invalid");
  }
  const key = await publicKeyFor(provider, header.kid);
  if (!key) throw new JwtRejected("unknown-key");
  const signature = Buffer.from(encodedSignature, "base64url");
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, "ascii");
  if (signature.length !== 64 || !verify("sha256", signed, { key, dsaEncoding: "ieee-p1363" }, signature)) {
    throw new JwtRejected("invalid");
  }
  const payload = segment(encodedPayload) as JWTPayload | null;
  if (!payload) throw new JwtRejected("invalid");
  const now = Math.floor((checks.now ?? new Date()).getTime() / 1000);
  const numeric = (claim: unknown) => typeof claim === "number" && Number.isFinite(claim);
  if (payload.iss !== checks.issuer || !numeric(payload.exp)) throw new JwtRejected("invalid");
  if (payload.iat !== undefined && !numeric(payload.iat)) throw new JwtRejected("invalid");
  if (payload.nbf !== undefined && (!numeric(payload.nbf) || payload.nbf! > now)) throw new JwtRejected("invalid");
  if (checks.requiredClaims.some((claim) => payload[claim] === undefined)) throw new JwtRejected("invalid");
  if (payload.exp! <= now) throw new JwtRejected("expired", payload);
  return payload;
}

/**
 * Verifies a JWT this provider signed for `issuer` (verifyProviderJwt with `iat` and `sub`
 * required). Anything else is an invalid_token.
 * @see RFC 6750 §3.1
 */
export async function verifyJwt(provider: Provider, token: string, issuer: string): Promise<JWTPayload> {
  try {
    return await verifyProviderJwt(provider, token, { issuer, requiredClaims: ["iat", "sub"] });
  } catch (error) {
    if (!(error instanceof JwtRejected)) throw error;
    if (error.reason === "malformed") throw new InvalidToken("The access token is malformed.");
    if (error.reason === "unknown-key") throw new InvalidToken("The access token was not signed by this issuer.");
    if (error.reason === "expired") throw new InvalidToken("The access token has expired.");
    throw new InvalidToken("The access token is invalid.");
  }
}
