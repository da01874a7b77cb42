import "server-only";
// An app's credentials: its OAuth client or Indeed Apply token, the client's secrets, its
// Redirect URL Allowlist, its partner information and the review of its authorization code
// grant. Authorization sits inside every query: another partner's app is "not found", exactly
// like a missing one; a member without `credentials:manage` (a viewer) is refused every change
// and every secret value. Each change writes its activity row in the same transaction.
// Secret values exist only sealed and as verifiers (docs/decisions/007-credential-storage.md);
// a value leaves this module only through `revealSecret` and `createAppWithCredentials`'s
// callers never see it.
import { randomUUID } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import { isUuid } from "../ids";
import { sortKey } from "../sort";
import { CredentialsKeyError, open, seal, verifierOf } from "../crypto/secret-box";
import { newClientId, newClientSecret } from "../crypto/random";
import type { ActivityDetail, ActivityType } from "../activity/types";
import { validateRedirectUri } from "../credentials/redirect-uri";
import { REVIEW_MOVES, type ReviewMove } from "../credentials/review";
import {
  MAX_ACTIVE_SECRETS,
  activeSecretWhere,
  secretSealContext,
  secretStatus,
} from "../credentials/secrets";
import {
  newAppInput,
  partnerInfoInput,
  reviewReasonInput,
  secretInput,
  type NewAppInput,
  type PartnerInfo,
  type PartnerInfoInput,
  type SecretInput,
} from "../credentials/schemas";
import { visibleApps } from "./apps";
import type { SessionUser } from "./users";

type Tx = Prisma.TransactionClient;

/** Lock waits are short, but ten parallel requests on a busy two-core machine queue up. */
const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 } as const;

/** What a form says above fields that carry their own errors (runAction says the same for zod's). */
const FIELDS_NEED_ATTENTION = "Some fields need your attention.";

const CHANGED_MEANWHILE = "These credentials changed meanwhile. The current state is shown now: check it and try again.";

function notFound(): AppError {
  return new AppError("NOT_FOUND", "This app does not exist, or you do not have access to it.");
}

function noClient(): AppError {
  return new AppError("NOT_FOUND", "This app has no credentials yet. Indeed sets them up with the app.");
}

async function record(tx: Tx, appId: string, actorId: string | null, type: ActivityType, detail: ActivityDetail = {}, at = new Date()) {
  await tx.activityEvent.create({ data: { appId, actorId, type, detail: detail as Prisma.InputJsonObject, createdAt: at } });
}

/**
 * The app's client, for a change by `user`: 404 unless the app is visible to them (another
 * partner's app looks missing), then FORBIDDEN unless they may manage credentials. With
 * `lock`, the client row stays locked until the transaction ends, so concurrent changes to one
 * client (the active-secret limit, the allowlist's size) are judged one at a time.
 */
async function clientForChange(tx: Tx, user: SessionUser, appId: string, { lock = false } = {}) {
  if (!isUuid(appId)) throw notFound();
  const app = await tx.app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)] },
    select: { id: true, credentialType: true },
  });
  if (!app) throw notFound();
  assertCan(user.role, "credentials:manage");
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Client" WHERE "appId" = ${app.id}::uuid FOR UPDATE`;
  const client = await tx.client.findUnique({
    where: { appId: app.id },
    select: { id: true, isPublic: true, grantTypes: true, reviewStatus: true, reviewVersion: true },
  });
  if (!client) throw noClient();
  return { app, client };
}

/** A fresh secret's row data: the value sealed to its row and its verifier. Returns the value. */
function newSecretRow(clientRowId: string, label: string, createdById: string | null, expiresAt: Date | null, createdAt = new Date()) {
  const id = randomUUID();
  const value = newClientSecret();
  return {
    value,
    data: {
      id,
      clientId: clientRowId,
      label,
      ciphertext: new Uint8Array(seal(value, secretSealContext(id))),
      verifier: new Uint8Array(verifierOf(value)),
      createdById,
      expiresAt,
      createdAt,
    },
  };
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────

/** What the Credentials tab shows: metadata only, never a secret value. Null when not visible. */
export async function getCredentials(user: SessionUser, appId: string, now = new Date()) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)] },
    select: {
      id: true,
      name: true,
      credentialType: true,
      partnerId: true,
      client: {
        select: {
          id: true,
          clientId: true,
          isPublic: true,
          grantTypes: true,
          reviewStatus: true,
          reviewReason: true,
          reviewVersion: true,
          reviewChangedAt: true,
          companyName: true,
          homepageUrl: true,
          supportEmail: true,
          privacyPolicyUrl: true,
          createdAt: true,
          secrets: {
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            select: {
              id: true,
              label: true,
              createdAt: true,
              lastUsedAt: true,
              expiresAt: true,
              revokedAt: true,
              createdBy: { select: { name: true } },
              revokedBy: { select: { name: true } },
            },
          },
          redirectUris: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, uri: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!app) return null;
  const client = app.client;
  return {
    app: { id: app.id, name: app.name, credentialType: app.credentialType },
    canManage: can(user.role, "credentials:manage"),
    client: client
      ? {
          ...client,
          secrets: client.secrets.map((s) => ({ ...s, status: secretStatus(s, now) })),
        }
      : null,
  };
}

// ─── Secrets ────────────────────────────────────────────────────────────────────────────────

/** "Add another secret": a new active secret, unless the client already has the most it may. */
export async function addSecret(user: SessionUser, input: { appId: string } & SecretInput) {
  const { label, expiresOn } = secretInput.parse(input);
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
    const { data } = newSecretRow(client.id, label, user.id, expiresOn, now);
    await tx.clientSecret.create({ data, select: { id: true } });
    await record(tx, app.id, user.id, "secret.added", { label }, now);
    return { id: data.id, label };
  }, TX_OPTIONS);
}

/**
 * A secret's value, for an owner, a developer or an admin who asked to see it. Every reveal is
 * written to the activity log. Revoked and expired secrets are not shown: they authenticate
 * nothing any more (and a revoked secret's ciphertext is destroyed).
 */
export async function revealSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  if (!isUuid(input.secretId)) throw notFound();
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId);
    const secret = await tx.clientSecret.findFirst({
      where: { id: input.secretId, clientId: client.id },
      select: { id: true, label: true, ciphertext: true, revokedAt: true, expiresAt: true },
    });
    if (!secret) throw new AppError("NOT_FOUND", "This secret does not exist.");
    const status = secretStatus(secret);
    if (status !== "ACTIVE") {
      throw new AppError("CONFLICT", `This secret is ${status === "REVOKED" ? "revoked" : "expired"}: its value is no longer shown.`);
    }
    let value: string;
    try {
      value = open(secret.ciphertext, secretSealContext(secret.id));
    } catch (error) {
      if (error instanceof CredentialsKeyError) throw new AppError("MISCONFIGURED", error.message);
      throw new AppError("MISCONFIGURED", "This secret cannot be decrypted: the stored value was altered.");
    }
    await record(tx, app.id, user.id, "secret.revealed", { label: secret.label });
    return { value };
  }, TX_OPTIONS);
}

/** Ends a secret at once: it stops authenticating and its sealed value is destroyed. */
export async function revokeSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  if (!isUuid(input.secretId)) throw notFound();
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
    await record(tx, app.id, user.id, "secret.revoked", { label: secret.label }, now);
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
    const { data } = newSecretRow(client.id, "API secret", user.id, null, now);
    await tx.clientSecret.create({ data, select: { id: true } });
    await record(tx, app.id, user.id, "secret.rotated", { label: data.label }, now);
    return { id: data.id };
  }, TX_OPTIONS);
}

// ─── Redirect URL Allowlist ─────────────────────────────────────────────────────────────────

export async function addRedirectUri(user: SessionUser, input: { appId: string; uri: string }) {
  if (typeof input.uri !== "string") throw new AppError("VALIDATION", "Enter a URL.", { uri: ["Enter a URL."] });
  try {
    return await db().$transaction(async (tx) => {
      const { app, client } = await clientForChange(tx, user, input.appId, { lock: true });
      if (!client.grantTypes.includes("AUTHORIZATION_CODE")) {
        throw new AppError("CONFLICT", "Only clients with the authorization code grant have redirect URLs.");
      }
      const existing = (await tx.redirectUri.findMany({ where: { clientId: client.id }, select: { uri: true } })).map((r) => r.uri);
      const verdict = validateRedirectUri(input.uri, existing);
      if (!verdict.ok) throw new AppError("VALIDATION", verdict.reason, { uri: [verdict.reason] });
      const created = await tx.redirectUri.create({
        data: { clientId: client.id, uri: verdict.uri, createdById: user.id },
        select: { id: true, uri: true },
      });
      await record(tx, app.id, user.id, "redirect_uri.added", { uri: verdict.uri });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const reason = "This URL is already on the allowlist.";
      throw new AppError("VALIDATION", reason, { uri: [reason] });
    }
    throw error;
  }
}

export async function removeRedirectUri(user: SessionUser, input: { appId: string; redirectUriId: string }) {
  if (!isUuid(input.redirectUriId)) throw notFound();
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId);
    const row = await tx.redirectUri.findFirst({ where: { id: input.redirectUriId, clientId: client.id }, select: { id: true, uri: true } });
    if (!row) throw new AppError("NOT_FOUND", "This redirect URL is no longer on the allowlist.");
    const { count } = await tx.redirectUri.deleteMany({ where: { id: row.id, clientId: client.id } });
    if (count !== 1) throw new AppError("NOT_FOUND", "This redirect URL is no longer on the allowlist.");
    await record(tx, app.id, user.id, "redirect_uri.removed", { uri: row.uri });
    return { uri: row.uri };
  }, TX_OPTIONS);
}

// ─── Partner information and the grant review ──────────────────────────────────────────────

export async function updatePartnerInfo(user: SessionUser, input: { appId: string } & PartnerInfoInput) {
  const info = partnerInfoInput.parse(input);
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId);
    if (app.credentialType !== "OAUTH2") throw new AppError("CONFLICT", "Partner information belongs to OAuth clients.");
    const before = await tx.client.findUniqueOrThrow({
      where: { id: client.id },
      select: { companyName: true, homepageUrl: true, supportEmail: true, privacyPolicyUrl: true },
    });
    const fields = (Object.keys(info) as (keyof PartnerInfo)[]).filter((k) => before[k] !== info[k]);
    if (fields.length === 0) return { fields };
    await tx.client.update({ where: { id: client.id }, data: info, select: { id: true } });
    await record(tx, app.id, user.id, "partner_info.updated", { fields });
    return { fields };
  }, TX_OPTIONS);
}

/**
 * A review move, applied only if the review is still at `expectedVersion` (the version the page
 * showed): of two concurrent moves exactly one wins, the other is told it changed meanwhile.
 * Admins approve and reject any partner's client; the partner resubmits a rejected one.
 */
export async function moveGrantReview(
  user: SessionUser,
  input: { appId: string; move: ReviewMove; expectedVersion: number; reason?: string | null },
) {
  const move = REVIEW_MOVES[input.move];
  if (!move) throw new AppError("VALIDATION", "Unknown review move.");
  const reason = input.move === "reject" ? reviewReasonInput.parse(input.reason ?? "") : null;
  return db().$transaction(async (tx) => {
    if (!isUuid(input.appId)) throw notFound();
    const app = await tx.app.findFirst({ where: { AND: [{ id: input.appId }, visibleApps(user)] }, select: { id: true } });
    if (!app) throw notFound();
    assertCan(user.role, move.permission);
    const client = await tx.client.findUnique({ where: { appId: app.id }, select: { id: true, reviewStatus: true, reviewVersion: true } });
    if (!client) throw noClient();
    if (client.reviewStatus === null) throw new AppError("CONFLICT", "This client does not use the authorization code grant.");
    if (client.reviewVersion !== input.expectedVersion) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    if (client.reviewStatus !== move.from) {
      throw new AppError("CONFLICT", input.move === "resubmit" ? "Only a rejected review can be resubmitted." : "This review is not in progress.");
    }
    const now = new Date();
    const { count } = await tx.client.updateMany({
      where: { id: client.id, reviewVersion: input.expectedVersion, reviewStatus: move.from },
      data: { reviewStatus: move.to, reviewReason: reason, reviewVersion: { increment: 1 }, reviewChangedAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    const type = ({ approve: "review.approved", reject: "review.rejected", resubmit: "review.resubmitted" } as const)[input.move];
    await record(tx, app.id, user.id, type, reason ? { reason } : {}, now);
    return { to: move.to };
  }, TX_OPTIONS);
}

/** Clients whose authorization code grant waits for an admin (or, filtered, in any review state). Admins only. */
export async function listGrantReviews(user: SessionUser, status: "IN_REVIEW" | "APPROVED" | "REJECTED" = "IN_REVIEW") {
  assertCan(user.role, "services:administer");
  return db().client.findMany({
    where: { reviewStatus: status },
    orderBy: [{ reviewChangedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      clientId: true,
      reviewStatus: true,
      reviewReason: true,
      reviewVersion: true,
      reviewChangedAt: true,
      companyName: true,
      homepageUrl: true,
      supportEmail: true,
      privacyPolicyUrl: true,
      redirectUris: { select: { uri: true }, orderBy: { createdAt: "asc" } },
      app: { select: { id: true, name: true, partner: { select: { id: true, name: true } } } },
    },
  });
}

// ─── Creating apps (admins) ─────────────────────────────────────────────────────────────────

/** The partners an admin can create apps for. */
export async function listPartnersForNewApp(user: SessionUser) {
  assertCan(user.role, "apps:create");
  return db().partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/**
 * Indeed configures each app during onboarding: an admin creates it for a partner together
 * with its credentials. A confidential OAuth client and an Indeed Apply token start with one
 * secret; the authorization code grant starts its review.
 */
export async function createAppWithCredentials(user: SessionUser, input: NewAppInput) {
  assertCan(user.role, "apps:create");
  const data = newAppInput.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const partner = await tx.partner.findUnique({ where: { id: data.partnerId }, select: { id: true } });
      if (!partner) throw new AppError("VALIDATION", FIELDS_NEED_ATTENTION, { partnerId: ["Choose a partner."] });
      const now = new Date();
      const app = await tx.app.create({
        data: {
          partnerId: partner.id,
          name: data.name,
          sortName: sortKey(data.name),
          description: data.description,
          provider: data.provider,
          credentialType: data.credentialType,
          createdAt: now,
        },
        select: { id: true, name: true },
      });
      const review = data.grantTypes.includes("AUTHORIZATION_CODE");
      const client = await tx.client.create({
        data: {
          appId: app.id,
          clientId: newClientId(),
          isPublic: data.isPublic,
          grantTypes: data.grantTypes,
          reviewStatus: review ? "IN_REVIEW" : null,
          reviewChangedAt: review ? now : null,
          createdAt: now,
        },
        select: { id: true },
      });
      await record(tx, app.id, user.id, "client.created", {}, now);
      if (!data.isPublic) {
        const label = data.credentialType === "INDEED_APPLY" ? "API secret" : "Initial secret";
        const { data: secret } = newSecretRow(client.id, label, user.id, null, now);
        await tx.clientSecret.create({ data: secret, select: { id: true } });
        await record(tx, app.id, user.id, "secret.added", { label }, now);
      }
      if (review) await record(tx, app.id, user.id, "review.requested", {}, now);
      return app;
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("VALIDATION", FIELDS_NEED_ATTENTION, { name: ["This partner already has an app with this name."] });
    }
    throw error;
  }
}
