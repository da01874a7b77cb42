import "server-only";
// A SEEK app's client credentials: one per environment (Playground, Live), each a client id
// with at most two active secrets (the current one and, during a rotation overlap, the one it
// replaced), "Expire issued tokens now", and the partner's request to be approved for live
// self-service. Authorization sits inside every query: another partner's app, or an Indeed app,
// is "not found", exactly like a missing one. Owners and admins issue, rotate and revoke
// (`seek-credentials:issue`); developers may also reveal and expire tokens
// (`credentials:manage`); viewers read metadata only. Secrets are sealed exactly like Indeed's
// (docs/decisions/007-credential-storage.md, 023-seek-console.md). Each change writes its
// activity row in the same transaction.
import { Prisma } from "../generated/prisma/client";
import type { SeekEnvironment } from "../generated/prisma/enums";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import { isUuid } from "../ids";
import { newClientId } from "../crypto/random";
import { newSeekSecretRow, openActiveSecret } from "../credentials/secret-row";
import type { ActivityDetail, ActivityType } from "../activity/types";
import { activeSecretWhere, secretStatus } from "../credentials/secrets";
import {
  MAX_ACTIVE_SEEK_SECRETS,
  SEEK_ENVIRONMENTS,
  SEEK_ENVIRONMENT_LABELS,
  SEEK_ROTATION_OVERLAP_MS,
  seekSecretSealContext,
  type SeekRotationOverlap,
} from "../credentials/seek";
import { visibleApps } from "../auth/scope";
import { SECRET_METADATA_SELECT } from "./secrets";
import type { SessionUser } from "./users";
import { TX_OPTIONS } from "./shared";

type Tx = Prisma.TransactionClient;


export const LIVE_REQUEST_NOTE_MAX_LENGTH = 1000;

function notFound(): AppError {
  return new AppError("NOT_FOUND", "This app does not exist, or you do not have access to it.");
}

function noCredential(environment: SeekEnvironment): AppError {
  return new AppError("NOT_FOUND", `This app has no ${SEEK_ENVIRONMENT_LABELS[environment]} credentials yet.`);
}

function notApproved(): AppError {
  return new AppError(
    "FORBIDDEN",
    "Your organisation is not approved for live credential self-service yet. Request live credentials and an admin will review it.",
  );
}

export async function recordSeekActivity(
  tx: Tx,
  appId: string,
  actorId: string | null,
  type: ActivityType,
  detail: ActivityDetail = {},
  at = new Date(),
) {
  await tx.activityEvent.create({ data: { appId, actorId, type, detail: detail as Prisma.InputJsonObject, createdAt: at } });
}

/**
 * The SEEK app `appId` as `user` sees it: 404 unless visible (another partner's app looks
 * missing) and a SEEK app; then `permission` or FORBIDDEN.
 */
async function seekAppForChange(tx: Tx, user: SessionUser, appId: string, permission: "seek-credentials:issue" | "credentials:manage") {
  if (!isUuid(appId)) throw notFound();
  const app = await tx.app.findFirst({
    where: { AND: [{ id: appId }, { provider: "SEEK" }, visibleApps(user)] },
    select: { id: true, partnerId: true, partner: { select: { seekLiveSelfService: true } } },
  });
  if (!app) throw notFound();
  assertCan(user.role, permission);
  return app;
}

/** The credential of one environment, its row locked until the transaction ends. */
async function lockedCredential(tx: Tx, appId: string, environment: SeekEnvironment) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "SeekCredential"
    WHERE "appId" = ${appId}::uuid AND "environment" = ${environment}::"SeekEnvironment"
    FOR UPDATE`;
  const row = rows[0];
  if (!row) throw noCredential(environment);
  return row.id;
}


// ─── Reading ────────────────────────────────────────────────────────────────────────────────

/** What the Credentials tab of a SEEK app shows: metadata only. Null when not visible. */
export async function getSeekCredentials(user: SessionUser, appId: string, now = new Date()) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, { provider: "SEEK" }, visibleApps(user)] },
    select: {
      id: true,
      partner: { select: { seekLiveSelfService: true } },
      seekCredentials: {
        select: {
          id: true,
          environment: true,
          clientId: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          tokensNotBefore: true,
          tokensExpiredBy: { select: { name: true } },
          secrets: {
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take: 10,
            select: SECRET_METADATA_SELECT,
          },
        },
      },
    },
  });
  if (!app) return null;
  const environments = SEEK_ENVIRONMENTS.map((environment) => {
    const credential = app.seekCredentials.find((c) => c.environment === environment) ?? null;
    return {
      environment,
      credential: credential
        ? { ...credential, secrets: credential.secrets.map((s) => ({ ...s, status: secretStatus(s, now) })) }
        : null,
    };
  });
  return {
    appId: app.id,
    liveApproved: app.partner.seekLiveSelfService,
    canIssue: can(user.role, "seek-credentials:issue"),
    canManage: can(user.role, "credentials:manage"),
    environments,
  };
}

// ─── Issuing, rotating, revoking ────────────────────────────────────────────────────────────

/**
 * Issues the app's credential for `environment` with its first secret. Playground at any time;
 * Live only when the partner is approved for live self-service.
 */
export async function issueSeekCredential(user: SessionUser, input: { appId: string; environment: SeekEnvironment }) {
  try {
    return await db().$transaction(async (tx) => {
      const app = await seekAppForChange(tx, user, input.appId, "seek-credentials:issue");
      if (input.environment === "LIVE" && !app.partner.seekLiveSelfService) throw notApproved();
      const now = new Date();
      const credential = await tx.seekCredential.create({
        data: { appId: app.id, environment: input.environment, clientId: newClientId(), createdById: user.id, createdAt: now },
        select: { id: true },
      });
      await tx.seekClientSecret.create({ data: newSeekSecretRow({ credentialId: credential.id, createdById: user.id, createdAt: now }).data, select: { id: true } });
      await recordSeekActivity(tx, app.id, user.id, "seek.credential.issued", { environment: SEEK_ENVIRONMENT_LABELS[input.environment] }, now);
      return { id: credential.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `This app already has ${SEEK_ENVIRONMENT_LABELS[input.environment]} credentials: rotate their secret instead.`);
    }
    throw error;
  }
}

/**
 * "Rotate secret": a new secret becomes current and the previous one keeps working until the
 * chosen overlap ends (`NONE`: it stops now). Refused while a previous secret is still in its
 * overlap: at most two are active at once, so revoke it first.
 */
export async function rotateSeekSecret(
  user: SessionUser,
  input: { appId: string; environment: SeekEnvironment; overlap: SeekRotationOverlap },
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const app = await seekAppForChange(tx, user, input.appId, "seek-credentials:issue");
    if (input.environment === "LIVE" && !app.partner.seekLiveSelfService) throw notApproved();
    const credentialId = await lockedCredential(tx, app.id, input.environment);
    const active = await tx.seekClientSecret.findMany({
      where: { credentialId, ...activeSecretWhere(now) },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, expiresAt: true },
    });
    if (active.length >= MAX_ACTIVE_SEEK_SECRETS) {
      throw new AppError(
        "CONFLICT",
        `These credentials already have ${MAX_ACTIVE_SEEK_SECRETS} active secrets: the previous one is still in its overlap. Revoke it first.`,
      );
    }
    const until = new Date(now.getTime() + SEEK_ROTATION_OVERLAP_MS[input.overlap]);
    const current = active[0];
    if (current) {
      if (input.overlap === "NONE") {
        await tx.seekClientSecret.update({
          where: { id: current.id },
          data: { revokedAt: now, revokedById: user.id, ciphertext: new Uint8Array(0) },
          select: { id: true },
        });
      } else {
        await tx.seekClientSecret.update({ where: { id: current.id }, data: { expiresAt: until }, select: { id: true } });
      }
    }
    const { data: secret } = newSeekSecretRow({ credentialId, createdById: user.id, createdAt: now });
    await tx.seekClientSecret.create({ data: secret, select: { id: true } });
    await recordSeekActivity(
      tx,
      app.id,
      user.id,
      "seek.secret.rotated",
      { environment: SEEK_ENVIRONMENT_LABELS[input.environment], until: current && input.overlap !== "NONE" ? until.toISOString() : null },
      now,
    );
    return { id: secret.id, previousUntil: current && input.overlap !== "NONE" ? until : null };
  }, TX_OPTIONS);
}

/** "Revoke now": the secret stops authenticating at once and its sealed value is destroyed. */
export async function revokeSeekSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  return withAppSecret(user, input, "seek-credentials:issue", async (tx, app, secret) => {
    const now = new Date();
    const { count } = await tx.seekClientSecret.updateMany({
      where: { id: secret.id, revokedAt: null },
      data: { revokedAt: now, revokedById: user.id, ciphertext: new Uint8Array(0) },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This secret is already revoked.");
    await recordSeekActivity(tx, app.id, user.id, "seek.secret.revoked", { environment: SEEK_ENVIRONMENT_LABELS[secret.credential.environment] }, now);
    return { environment: secret.credential.environment };
  });
}

/** A secret's value for an owner, developer or admin; every reveal is in the activity log. */
export async function revealSeekSecret(user: SessionUser, input: { appId: string; secretId: string }) {
  return withAppSecret(user, input, "credentials:manage", async (tx, app, secret) => {
    const value = openActiveSecret(secret, seekSecretSealContext(secret.id));
    await recordSeekActivity(tx, app.id, user.id, "seek.secret.revealed", { environment: SEEK_ENVIRONMENT_LABELS[secret.credential.environment] });
    return { value };
  });
}

/**
 * Runs `work` in a transaction on the app's secret `secretId`, after the app's `permission`
 * check; a malformed id or a secret of another app is NOT_FOUND.
 */
async function withAppSecret<T>(
  user: SessionUser,
  input: { appId: string; secretId: string },
  permission: "seek-credentials:issue" | "credentials:manage",
  work: (
    tx: Tx,
    app: Awaited<ReturnType<typeof seekAppForChange>>,
    secret: { id: string; ciphertext: Uint8Array; revokedAt: Date | null; expiresAt: Date | null; credential: { environment: SeekEnvironment } },
  ) => Promise<T>,
): Promise<T> {
  if (!isUuid(input.secretId)) throw new AppError("NOT_FOUND", "This secret does not exist.");
  return db().$transaction(async (tx) => {
    const app = await seekAppForChange(tx, user, input.appId, permission);
    const secret = await tx.seekClientSecret.findFirst({
      where: { id: input.secretId, credential: { appId: app.id } },
      select: { id: true, ciphertext: true, revokedAt: true, expiresAt: true, credential: { select: { environment: true } } },
    });
    if (!secret) throw new AppError("NOT_FOUND", "This secret does not exist.");
    return work(tx, app, secret);
  }, TX_OPTIONS);
}

/**
 * "Expire issued tokens now": every partner and browser token minted from this credential
 * before now is refused by the emulator, on every instance (it reads the stored cut-off).
 */
export async function expireSeekTokens(user: SessionUser, input: { appId: string; environment: SeekEnvironment }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const app = await seekAppForChange(tx, user, input.appId, "credentials:manage");
    const credentialId = await lockedCredential(tx, app.id, input.environment);
    await tx.seekCredential.update({
      where: { id: credentialId },
      data: { tokensNotBefore: now, tokensExpiredById: user.id },
      select: { id: true },
    });
    await recordSeekActivity(tx, app.id, user.id, "seek.tokens.expired", { environment: SEEK_ENVIRONMENT_LABELS[input.environment] }, now);
    return { at: now };
  }, TX_OPTIONS);
}

// ─── Live credentials: the request and its answer ─────────────────────────────────────────

/**
 * The partner's live self-service state as the app's page polls it: approved or not, and the
 * app's latest request with its answer. Null when the app is not visible.
 */
export async function getLiveRequestState(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, { provider: "SEEK" }, visibleApps(user)] },
    select: {
      partner: { select: { seekLiveSelfService: true } },
      seekLiveRequests: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 1,
        select: {
          id: true,
          status: true,
          note: true,
          reason: true,
          createdAt: true,
          decidedAt: true,
          requestedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!app) return null;
  const latest = app.seekLiveRequests[0] ?? null;
  return {
    asOf: new Date().toISOString(),
    approved: app.partner.seekLiveSelfService,
    request: latest
      ? {
          id: latest.id,
          status: latest.status,
          note: latest.note,
          reason: latest.reason,
          createdAt: latest.createdAt.toISOString(),
          decidedAt: latest.decidedAt?.toISOString() ?? null,
          requestedBy: latest.requestedBy?.name ?? null,
        }
      : null,
  };
}

export type LiveRequestState = NonNullable<Awaited<ReturnType<typeof getLiveRequestState>>>;

/** "Request live credentials": one pending request per app, none once the partner is approved. */
export async function requestLiveCredentials(user: SessionUser, input: { appId: string; note: string }) {
  const note = input.note.trim();
  if (note.length > LIVE_REQUEST_NOTE_MAX_LENGTH) {
    const message = `Write at most ${LIVE_REQUEST_NOTE_MAX_LENGTH} characters.`;
    throw new AppError("VALIDATION", message, { note: [message] });
  }
  try {
    return await db().$transaction(async (tx) => {
      const app = await seekAppForChange(tx, user, input.appId, "seek-credentials:issue");
      if (app.partner.seekLiveSelfService) {
        throw new AppError("CONFLICT", "Your organisation is already approved: issue live credentials yourself.");
      }
      const request = await tx.seekLiveCredentialRequest.create({
        data: { partnerId: app.partnerId, appId: app.id, note, requestedById: user.id },
        select: { id: true },
      });
      await recordSeekActivity(tx, app.id, user.id, "seek.live.requested", { note: note || null });
      return request;
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "A request for live credentials is already waiting for an admin.");
    }
    throw error;
  }
}
