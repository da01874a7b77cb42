// Indeed Apply's signature on each application it posts: the `X-Indeed-Signature` header is
// Base64(HMAC-SHA1(API secret, raw request body)), over the body's exact UTF-8 bytes. A receiver
// must compute it on the bytes it received, before parsing: re-serialized JSON signs differently.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Indeed-Signature";

export function signApplication(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha1", Buffer.from(secret, "utf8"))
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest("base64");
}

/** Constant-time comparison of a received signature with the one `secret` gives `rawBody`. */
export function signatureMatches(secret: string, rawBody: string | Uint8Array, signature: string): boolean {
  const expected = Buffer.from(signApplication(secret, rawBody), "utf8");
  const given = Buffer.from(signature.trim(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A signature that is certainly wrong for this body: the right one with its first character
 * changed, so it still looks like a valid header value (the receiver must compare, not parse).
 */
export function forgedSignature(secret: string, rawBody: string): string {
  const right = signApplication(secret, rawBody);
  return (right[0] === "A" ? "B" : "A") + right.slice(1);
}
