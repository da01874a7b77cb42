// Unguessable values from the CSPRNG, and the one-way hash under which high-entropy tokens
// (authorization codes, refresh tokens, session handles) are stored.
import { createHash, randomBytes, randomInt } from "node:crypto";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomString(alphabet: string, length: number): string {
  let out = "";
  // randomInt rejects biased draws, so every character is uniform over the alphabet.
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A client id shaped like Indeed's: 64 characters of [a-z0-9] (about 330 bits). */
export function newClientId(): string {
  return randomString(LOWER_ALNUM, 64);
}

/** A client secret shaped like Indeed's: 64 characters of [A-Za-z0-9] (about 381 bits). */
export function newClientSecret(): string {
  return randomString(ALNUM, 64);
}

/** An opaque bearer value (code, refresh token, session handle): 256 bits, base64url. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Lower-case hex of `bytes` random bytes (Indeed-shaped employer ids and user subjects). */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/**
 * SHA-256 of a high-entropy token (authorization code, refresh token, request handle, session
 * token): what the database stores instead of the token, as the Bytes column type wants it (a
 * Uint8Array over its own ArrayBuffer).
 */
export function tokenHash(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(token, "utf8").digest());
}
