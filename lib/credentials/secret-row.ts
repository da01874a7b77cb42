// The one way a client secret row is made, Indeed's ClientSecret and SEEK's SeekClientSecret: a
// fresh value, sealed to the row's id and stored with its verifier (decision 007), and the one
// way a stored value is opened again. The console, the demo world, the benchmark seed and the
// test helpers all build their rows here, so a change to the seal or the verifier reaches every
// one of them. Apart from ./secrets.ts because the browser's forms read that module and this one
// needs Node's crypto.
import { randomUUID } from "node:crypto";
import { newClientSecret } from "../crypto/random";
import { CredentialsKeyError, open, seal, verifierOf } from "../crypto/secret-box";
import { AppError } from "../errors";
import { secretSealContext, secretStatus } from "./secrets";
import { seekSecretSealContext } from "./seek";

/** A fresh value, a row id, and the value sealed to that id with its verifier. */
function sealedSecret(sealContext: (secretId: string) => string) {
  const id = randomUUID();
  const value = newClientSecret();
  return {
    value,
    sealed: { id, ciphertext: new Uint8Array(seal(value, sealContext(id))), verifier: new Uint8Array(verifierOf(value)) },
  };
}

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
  const { value, sealed } = sealedSecret(secretSealContext);
  return {
    value,
    data: {
      ...sealed,
      clientId,
      label,
      createdById,
      expiresAt,
      createdAt,
    },
  };
}

export interface SeekSecretRowFields {
  /** The SeekCredential row's id. */
  credentialId: string;
  createdById?: string | null;
  createdAt?: Date;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

/** A fresh SEEK secret's row data and its value; fields left out take the column's default. */
export function newSeekSecretRow({ credentialId, ...fields }: SeekSecretRowFields) {
  const { value, sealed } = sealedSecret(seekSecretSealContext);
  return { value, data: { ...sealed, credentialId, ...fields } };
}

/** A stored secret's value; a key or a ciphertext that does not open is a misconfiguration (never a 500). */
export function openSecret(ciphertext: Uint8Array, sealContext: string): string {
  try {
    return open(ciphertext, sealContext);
  } catch (error) {
    if (error instanceof CredentialsKeyError) throw new AppError("MISCONFIGURED", error.message);
    throw new AppError("MISCONFIGURED", "This secret cannot be decrypted: the stored value was altered.");
  }
}

/** The value of a secret someone asked to see: revoked and expired secrets are not shown. */
export function openActiveSecret(secret: { ciphertext: Uint8Array; revokedAt: Date | null; expiresAt: Date | null }, sealContext: string): string {
  const status = secretStatus(secret);
  if (status !== "ACTIVE") {
    throw new AppError("CONFLICT", `This secret is ${status === "REVOKED" ? "revoked" : "expired"}: its value is no longer shown.`);
  }
  return openSecret(secret.ciphertext, sealContext);
}
