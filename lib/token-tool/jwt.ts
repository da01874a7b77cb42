import "server-only";
// What the tool says about a JWT it received: the decoded header and claims, its times, and its
// signature checked with jose against the issuer's JWKS, fetched through the run's transport
// (so the JWKS request is one of the step's exchanges). A failure says why in plain words.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet } from "jose";
import { maskToken } from "./exchange";
import type { Transport } from "./transport";

export interface JwtReport {
  /** Which token: access_token, id_token, … */
  name: string;
  /** The token by its ends. */
  masked: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The key the header names, if any. */
  kid: string | null;
  verification: { ok: true; summary: string } | { ok: false; reason: string };
  /** The vault entry holding the full value while the run is open, if it was kept. */
  vaultName?: string;
}

export interface VerifyOptions {
  jwksUrl: string;
  issuer: string;
  audience?: string;
  /** JWKS already fetched in this step, by URL. */
  jwksCache: Map<string, JSONWebKeySet>;
}

async function fetchJwks(transport: Transport, url: string, cache: Map<string, JSONWebKeySet>): Promise<JSONWebKeySet> {
  const cached = cache.get(url);
  if (cached) return cached;
  transport.label("JWKS (to verify signatures)");
  const response = await transport.fetch(url, { method: "GET", headers: { accept: "application/json" } });
  if (response.status !== 200) throw new Error(`the JWKS at ${url} answered HTTP ${response.status}`);
  const jwks = (await response.json()) as JSONWebKeySet;
  if (!jwks || !Array.isArray(jwks.keys)) throw new Error(`the JWKS at ${url} is not a key set`);
  cache.set(url, jwks);
  return jwks;
}

function why(error: unknown, kid: string | null, options: VerifyOptions): string {
  if (error instanceof errors.JWKSNoMatchingKey) return `unknown kid: the JWKS has no key ${kid ?? "(the header names none)"}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return `bad signature: key ${kid ?? "?"} does not verify it`;
  if (error instanceof errors.JWTExpired) return "expired: its exp is in the past";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return `wrong issuer: expected ${options.issuer}`;
    if (error.claim === "aud") return `wrong audience: expected ${options.audience}`;
    if (error.claim === "nbf") return "not valid yet: its nbf is in the future";
    return `claim ${error.claim} is invalid (${error.reason})`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return "its algorithm is not one the JWKS key allows";
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return "it is not a well-formed signed JWT";
  return error instanceof Error ? error.message : "it could not be verified";
}

/** Decodes and verifies; null when the value is not a JWT at all (an opaque token). */
export async function inspectJwt(name: string, token: string, transport: Transport, options: VerifyOptions): Promise<JwtReport | null> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return null;
  }
  const kid = typeof header.kid === "string" ? header.kid : null;
  const report: JwtReport = { name, masked: maskToken(token), header, claims, kid, verification: { ok: false, reason: "not checked" } };
  let jwks: JSONWebKeySet;
  try {
    jwks = await fetchJwks(transport, options.jwksUrl, options.jwksCache);
  } catch (error) {
    report.verification = { ok: false, reason: `the JWKS could not be fetched: ${error instanceof Error ? error.message : "no answer"}` };
    return report;
  }
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { issuer: options.issuer, audience: options.audience });
    report.verification = { ok: true, summary: `signature verified with key ${kid ?? "(no kid)"} (${String(header.alg)}) of ${options.jwksUrl}` };
  } catch (error) {
    report.verification = { ok: false, reason: why(error, kid, options) };
  }
  return report;
}
