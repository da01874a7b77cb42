// Reading the session cookie Auth.js set at sign-in (lib/auth/config.ts), without Auth.js's
// auth(). That helper runs the whole session endpoint for every server render: it decrypts the
// token, then derives the key again and re-encrypts a refreshed cookie that a server component
// cannot set anyway, about a tenth of a dashboard view's CPU. Here: one decryption, with the
// same cookie name, salt and checks as Auth.js's decode(): the key derived from AUTH_SECRET with
// HKDF-SHA256 for the cookie's salt, `dir` key management, A256CBC-HS512 (or A256GCM), a
// matching key id when the header names one, the expiry with 15 s of tolerance. Unlike decode(),
// the derived key and its thumbprint are computed once per secret and salt, not per request:
// they are a pure function of the configuration (nothing a console change could invalidate).
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";

interface DerivedKey {
  key: Uint8Array;
  /** RFC 7638 thumbprint, the `kid` Auth.js puts in the header. */
  kid: string;
}

const ENCRYPTION_LENGTH = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
const derived = new Map<string, Promise<DerivedKey>>();

function derivedKey(enc: keyof typeof ENCRYPTION_LENGTH, secret: string, salt: string): Promise<DerivedKey> {
  const id = `${enc}\0${salt}\0${secret}`;
  let pending = derived.get(id);
  if (!pending) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, ENCRYPTION_LENGTH[enc]));
    pending = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha256" | "sha512").then((kid) => ({ key, kid }));
    derived.set(id, pending);
  }
  return pending;
}

async function decode({ token, secret, salt }: { token: string; secret: string; salt: string }) {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const encryption = enc === "A256CBC-HS512" || enc === "A256GCM" ? (enc as keyof typeof ENCRYPTION_LENGTH) : null;
      if (!encryption) throw new Error("Unsupported JWT Content Encryption Algorithm");
      const derivedFor = await derivedKey(encryption, secret, salt);
      if (kid !== undefined && kid !== derivedFor.kid) throw new Error("no matching decryption secret");
      return derivedFor.key;
    },
    { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  return payload;
}

/** Auth.js's session cookie: the __Secure- variant when the request came over https. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The id of the console session (a ConsoleSession row) the cookie names, or null when there is
 * no valid session cookie (missing, forged, expired, encrypted with another secret, or from
 * before sessions had rows). Whether the session is still live is the database's answer
 * (lib/data/console-sessions.ts). A cookie large enough for Auth.js to split into chunks would
 * read as no session: ours hold two ids and never get near that size.
 */
export async function sessionId(
  cookie: (name: string) => string | undefined,
  { secure, secret }: { secure: boolean; secret: string },
): Promise<string | null> {
  const name = sessionCookieName(secure);
  const token = cookie(name);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret, salt: name });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}
