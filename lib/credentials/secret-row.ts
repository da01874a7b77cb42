// The one way a client secret row is made: a fresh value, sealed to the row's id and stored with
// its verifier (docs/decisions/007-credential-storage.md). The console, the demo world, the
// benchmark seed and the test helpers all build their rows here, so a change to the seal or the
// verifier reaches every one of them. Apart from ./secrets.ts because the browser's forms read
// that module and this one needs Node's crypto.
import { randomUUID } from "node:crypto";
import { newClientSecret } from "../crypto/random";
import { seal, verifierOf } from "../crypto/secret-box";
import { secretSealContext } from "./secrets";

export interface SecretRowFields {
  /** The Client row's id (not the public client_id). */
  clientId: string;
  label: string;
  createdById?: string | null;
  expiresAt?: Date | null;
  createdAt?: Date;
}

/** A fresh secret's row data and its value, which only the caller ever sees. */
export function newSecretRow({ clientId, label, createdById = null, expiresAt = null, createdAt = new Date() }: SecretRowFields) {
  const id = randomUUID();
  const value = newClientSecret();
  return {
    value,
    data: {
      id,
      clientId,
      label,
      ciphertext: new Uint8Array(seal(value, secretSealContext(id))),
      verifier: new Uint8Array(verifierOf(value)),
      createdById,
      expiresAt,
      createdAt,
    },
  };
}
