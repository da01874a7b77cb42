// No "server-only" marker: the operator scripts (scripts/, under tsx) import it, and the marker throws there.
// Secrets at rest. A value is stored twice, neither of them readable from a database dump:
// - sealed: AES-256-GCM under a key derived from the credentials key, with the row it belongs
//   to as associated data (a ciphertext copied onto another row does not open);
// - as a verifier: HMAC-SHA-256 under a second derived key, compared in constant time, so
//   authenticating a client needs no decryption.
// Layout of a sealed value: version (1 byte) || key id (4) || IV (12) || ciphertext || tag (16).
// The key id names the master key, so a wrong CREDENTIALS_KEY fails with a clear message
// instead of a bare authentication error.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { credentialsKey } from "./credentials-key";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;

export class CredentialsKeyError extends Error {
  override name = "CredentialsKeyError";
}

interface DerivedKeys {
  master: Buffer;
  id: Buffer;
  encryption: Buffer;
  verifier: Buffer;
}

let derived: DerivedKeys | undefined;

function keys(): DerivedKeys {
  const master = credentialsKey();
  if (!master) {
    throw new CredentialsKeyError(
      "CREDENTIALS_KEY is not set: on PostgreSQL every instance needs the same key to read client secrets.",
    );
  }
  if (derived?.master.equals(master)) return derived;
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  derived = {
    master,
    id: createHash("sha256").update(derive("partner-console/key-id/v1")).digest().subarray(0, KEY_ID_BYTES),
    encryption: derive("partner-console/secret-encryption/v1"),
    verifier: derive("partner-console/secret-verifier/v1"),
  };
  return derived;
}

/** Encrypts `plaintext` for the row named by `context` (e.g. a secret's client id). */
export function seal(plaintext: string, context: string): Buffer {
  const k = keys();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", k.encryption, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), k.id, iv, body, cipher.getAuthTag()]);
}

/** Decrypts what `seal` produced for the same `context`; throws if anything was altered. */
export function open(sealed: Uint8Array, context: string): string {
  const k = keys();
  const box = Buffer.from(sealed);
  if (box.length < 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES || box[0] !== VERSION) {
    throw new CredentialsKeyError("A stored credential has an unknown format.");
  }
  if (!box.subarray(1, 1 + KEY_ID_BYTES).equals(k.id)) {
    throw new CredentialsKeyError("A stored credential was encrypted with another CREDENTIALS_KEY.");
  }
  const ivStart = 1 + KEY_ID_BYTES;
  const iv = box.subarray(ivStart, ivStart + IV_BYTES);
  const body = box.subarray(ivStart + IV_BYTES, box.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", k.encryption, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

/** The keyed hash stored to verify a secret. */
export function verifierOf(value: string): Buffer {
  return createHmac("sha256", keys().verifier).update(value, "utf8").digest();
}

/** Whether `value` is the secret behind `verifier`, in time independent of where they differ. */
export function matchesVerifier(value: string, verifier: Uint8Array): boolean {
  const expected = Buffer.from(verifier);
  const actual = verifierOf(value);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
