import "server-only";
// Proof Key for Code Exchange, S256 only (plain would let a downgrade through).
// @see RFC 7636 §4.1 (verifier syntax), §4.6 (S256 check)
import { createHash, timingSafeEqual } from "node:crypto";
import { InvalidGrant, InvalidRequest } from "./errors";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The S256 challenge of a verifier: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** @see RFC 7636 §4.2: what the authorization endpoint accepts as an S256 challenge. */
export function isS256Challenge(value: string): boolean {
  return CHALLENGE.test(value);
}

/** Checks a code_verifier parameter's syntax before anything is looked up. */
export function assertVerifierSyntax(verifier: string | undefined): void {
  if (verifier !== undefined && !VERIFIER.test(verifier)) {
    throw new InvalidRequest("The code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~.");
  }
}

/**
 * The code exchange's PKCE rule: a code bound to a challenge needs the matching verifier, and a
 * verifier for a code issued without a challenge is refused too (a downgrade attempt).
 * @see RFC 7636 §4.6; RFC 9700 §2.1.1 (PKCE downgrade)
 */
export function verifyPkce(challenge: string | null, verifier: string | undefined, { required }: { required: boolean }): void {
  if (challenge === null) {
    if (verifier !== undefined) throw new InvalidGrant("The code was issued without a code_challenge, but a code_verifier was sent.");
    if (required) throw new InvalidGrant("A public client must use PKCE: the code was issued without a code_challenge.");
    return;
  }
  if (verifier === undefined) throw new InvalidGrant("The code_verifier is missing: the code was issued with a code_challenge.");
  const expected = Buffer.from(challenge, "utf8");
  const actual = Buffer.from(s256(verifier), "utf8");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new InvalidGrant("The code_verifier does not match the code_challenge.");
  }
}
