import "server-only";
// An OAuth client's secrets and an Indeed Apply token's secret: adding, revealing, revoking,
// rotating. A member without `credentials:manage` (a viewer) is refused every change and every
// value. Values exist only sealed and as verifiers (docs/decisions/007-credential-storage.md);
// a value leaves this module only through `revealSecret`. Each change writes its activity row
// in the same transaction.
import { db } from "../db";
import { AppError } from "../errors";
import { isUuid } from "../ids";
import type { Secret } from "../credentials/schemas";
import { newSecretRow, openActiveSecret } from "../credentials/secret-row";
import { MAX_ACTIVE_SECRETS, activeSecretWhere, secretSealContext } from "../credentials/secrets";
import { appNotFound, clientForChange, recordActivity } from "./client-access";
import { TX_OPTIONS } from "./shared";
import type { SessionUser } from "./users";

/** What the Credentials tab shows of a secret (Indeed's or SEEK's): never its value. */
export const SECRET_METADATA_SELECT = {
  id: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
} as const;

/** "Add another secret": a new active secret, unless the client already has the most it may. */
export async function addSecret(user: SessionUser, input: { appId: string; label: Secret["label"]; expiresOn?: Secret["expiresOn"] }) {
  const { label, expiresOn = null } = input;
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId, { lock: true });
    if (app.credentialType !== "OAUTH2") {
      throw new AppError("CONFLICT", "An Indeed Apply API token has exactly one secret: rotate it instead.");
    }
    if (client.isPublic) throw new AppError("CONFLICT", "A public client has no secrets: it proves itself with PKCE.");
    const now = new Date();
    const active = await tx.clientSecret.count({ where: { clientId: client.id, ...activeSecretWhere(now) } });
    if (active >= MAX_ACTIVE_SECRETS) {
      throw new AppError(
        "CONFLICT",
        `This client already has ${MAX_ACTIVE_SECRETS} active secrets, the most it can have. Revoke one you no longer use first.`,
      );
    }
    const { data } = newSecretRow({ clientId: client.id, label, createdById: user.id, expiresAt: expiresOn, createdAt: now });
    await tx.clientSecret.create({ data, select: { id: true } });
    await recordActivity(tx, app.id, user.id, "secret.added", { label }, now);
    return { id: data.id, label };
  }, TX_OPTIONS);
}

/**
 * A secret's value, for an owner, a developer or an admin who asked to see it. Every reveal is
 * written to the activity log. Revoked and expired secrets are not shown: they authenticate
 * nothing any more (and a revoked secret's ciphertext is destroyed).
 */
export async function revealSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  if (!isUuid(input.secretId)) throw appNotFound();
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId);
    const secret = await tx.clientSecret.findFirst({
      where: { id: input.secretId, clientId: client.id },
      select: { id: true, label: true, ciphertext: true, revokedAt: true, expiresAt: true },
    });
    if (!secret) throw new AppError("NOT_FOUND", "This secret does not exist.");
    const value = openActiveSecret(secret, secretSealContext(secret.id));
    await recordActivity(tx, app.id, user.id, "secret.revealed", { label: secret.label });
    return { value };
  }, TX_OPTIONS);
}

/** Ends a secret at once: it stops authenticating and its sealed value is destroyed. */
export async function revokeSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  if (!isUuid(input.secretId)) throw appNotFound();
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId, { lock: true });
    if (app.credentialType !== "OAUTH2") {
      throw new AppError("CONFLICT", "An Indeed Apply API token always keeps one secret: rotate it instead.");
    }
    const secret = await tx.clientSecret.findFirst({
      where: { id: input.secretId, clientId: client.id },
      select: { id: true, label: true, revokedAt: true },
    });
    if (!secret) throw new AppError("NOT_FOUND", "This secret does not exist.");
    if (secret.revokedAt) throw new AppError("CONFLICT", "This secret is already revoked.");
    const now = new Date();
    const { count } = await tx.clientSecret.updateMany({
      where: { id: secret.id, revokedAt: null },
      data: { revokedAt: now, revokedById: user.id, ciphertext: new Uint8Array(0) },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This secret is already revoked.");
    await recordActivity(tx, app.id, user.id, "secret.revoked", { label: secret.label }, now);
    return { label: secret.label };
  }, TX_OPTIONS);
}

/**
 * Indeed Apply: a new secret replaces the current one in one transaction, so the token always
 * has exactly one active secret and never none.
 */
export async function rotateSecret(user: SessionUser, input: { appId: string }) {
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId, { lock: true });
    if (app.credentialType !== "INDEED_APPLY") {
      throw new AppError("CONFLICT", "OAuth clients rotate by adding another secret, then revoking the old one.");
    }
    const now = new Date();
    await tx.clientSecret.updateMany({
      where: { clientId: client.id, revokedAt: null },
      data: { revokedAt: now, revokedById: user.id, ciphertext: new Uint8Array(0) },
    });
    const { data } = newSecretRow({ clientId: client.id, label: "API secret", createdById: user.id, createdAt: now });
    await tx.clientSecret.create({ data, select: { id: true } });
    await recordActivity(tx, app.id, user.id, "secret.rotated", { label: data.label }, now);
    return { id: data.id };
  }, TX_OPTIONS);
}
