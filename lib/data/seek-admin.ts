import "server-only";
// The admins' SEEK screens: the queue of live-credential requests, each partner's live
// self-service switch (what GraphQL answers as credentialSelfServiceApprovedIndicator) and the
// emulator's settings. Approving a request turns the partner's switch on; refusing needs a
// reason. Both reach the partner's open Credentials tab through its polled JSON route.
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { isUuid } from "../ids";
import {
  DEFAULT_PARTNER_TOKEN_EXPIRES_IN,
  MAX_PARTNER_TOKEN_EXPIRES_IN,
  MIN_PARTNER_TOKEN_EXPIRES_IN,
} from "../credentials/seek";
import { recordSeekActivity } from "./seek-credentials";
import type { SessionUser } from "./users";
import { TX_OPTIONS } from "./shared";

export const DECISION_REASON_MAX_LENGTH = 1000;

export async function getSeekAdminOverview(user: SessionUser) {
  assertCan(user.role, "platform:administer");
  const [pending, decided, partners, settings] = await Promise.all([
    db().seekLiveCredentialRequest.findMany({
      where: { status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        note: true,
        createdAt: true,
        app: { select: { id: true, name: true } },
        partner: { select: { name: true, seekLiveSelfService: true } },
        requestedBy: { select: { name: true } },
      },
    }),
    db().seekLiveCredentialRequest.findMany({
      where: { status: { not: "PENDING" } },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      take: 20,
      select: {
        id: true,
        status: true,
        reason: true,
        decidedAt: true,
        app: { select: { name: true } },
        partner: { select: { name: true } },
        decidedBy: { select: { name: true } },
      },
    }),
    db().partner.findMany({
      orderBy: { sortName: "asc" },
      select: { id: true, name: true, seekLiveSelfService: true, seekLiveSelfServiceChangedAt: true, _count: { select: { apps: { where: { provider: "SEEK" } } } } },
    }),
    readSeekSettings(),
  ]);
  return { pending, decided, partners, settings };
}

/** The emulator's settings; the defaults while no admin has saved any. */
export async function readSeekSettings() {
  const row = await db().seekSettings.findUnique({ where: { id: 1 }, select: { partnerTokenExpiresIn: true, updatedAt: true } });
  return row ?? { partnerTokenExpiresIn: DEFAULT_PARTNER_TOKEN_EXPIRES_IN, updatedAt: null };
}

export const seekSettingsInput = z.object({
  partnerTokenExpiresIn: z.coerce
    .number({ message: "Enter a number of seconds." })
    .int("Enter a whole number of seconds.")
    .min(MIN_PARTNER_TOKEN_EXPIRES_IN, `Use at least ${MIN_PARTNER_TOKEN_EXPIRES_IN} seconds.`)
    .max(MAX_PARTNER_TOKEN_EXPIRES_IN, `Use at most ${MAX_PARTNER_TOKEN_EXPIRES_IN} seconds (24 hours).`),
});

export async function updateSeekSettings(user: SessionUser, data: z.output<typeof seekSettingsInput>) {
  assertCan(user.role, "platform:administer");
  await db().seekSettings.upsert({
    where: { id: 1 },
    create: { id: 1, partnerTokenExpiresIn: data.partnerTokenExpiresIn, updatedById: user.id },
    update: { partnerTokenExpiresIn: data.partnerTokenExpiresIn, updatedById: user.id },
    select: { id: true },
  });
  return data;
}

/** The partner's live self-service switch; each SEEK app's activity records the change. */
export async function setLiveSelfService(user: SessionUser, input: { partnerId: string; enabled: boolean }) {
  assertCan(user.role, "platform:administer");
  if (!isUuid(input.partnerId)) throw new AppError("NOT_FOUND", "This partner does not exist.");
  return db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.partner.updateMany({
      where: { id: input.partnerId, seekLiveSelfService: !input.enabled },
      data: { seekLiveSelfService: input.enabled, seekLiveSelfServiceChangedAt: now },
    });
    if (count === 0) {
      const exists = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "This partner does not exist.");
      return { changed: false };
    }
    const apps = await tx.app.findMany({ where: { partnerId: input.partnerId, provider: "SEEK" }, select: { id: true } });
    for (const app of apps) await recordSeekActivity(tx, app.id, user.id, "seek.self_service.changed", { enabled: input.enabled }, now);
    return { changed: true };
  }, TX_OPTIONS);
}

export const liveDecisionInput = z.discriminatedUnion("decision", [
  z.object({
    requestId: z.uuid({ message: "This request does not exist." }),
    decision: z.literal("APPROVE"),
    reason: z.string().trim().max(DECISION_REASON_MAX_LENGTH, `Write at most ${DECISION_REASON_MAX_LENGTH} characters.`).default(""),
  }),
  z.object({
    requestId: z.uuid({ message: "This request does not exist." }),
    decision: z.literal("REFUSE"),
    reason: z
      .string()
      .trim()
      .min(1, "Say why, so the partner knows what to change.")
      .max(DECISION_REASON_MAX_LENGTH, `Write at most ${DECISION_REASON_MAX_LENGTH} characters.`),
  }),
]);

/**
 * Approves or refuses a pending request. The status moves only from PENDING (a conditional
 * update), so two admins deciding at once cannot both win. Approval turns the partner's live
 * self-service on in the same transaction.
 */
export async function decideLiveRequest(user: SessionUser, data: z.output<typeof liveDecisionInput>) {
  assertCan(user.role, "platform:administer");
  return db().$transaction(async (tx) => {
    const now = new Date();
    const status = data.decision === "APPROVE" ? "APPROVED" : "REFUSED";
    const reason = data.reason || null;
    const { count } = await tx.seekLiveCredentialRequest.updateMany({
      where: { id: data.requestId, status: "PENDING" },
      data: { status, reason, decidedById: user.id, decidedAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This request was already decided, or it no longer exists.");
    const request = await tx.seekLiveCredentialRequest.findUniqueOrThrow({
      where: { id: data.requestId },
      select: { appId: true, partnerId: true, app: { select: { name: true } }, partner: { select: { name: true } } },
    });
    if (status === "APPROVED") {
      await tx.partner.update({
        where: { id: request.partnerId },
        data: { seekLiveSelfService: true, seekLiveSelfServiceChangedAt: now },
        select: { id: true },
      });
    }
    await recordSeekActivity(tx, request.appId, user.id, status === "APPROVED" ? "seek.live.approved" : "seek.live.refused", reason ? { reason } : {}, now);
    return { status, app: request.app.name, partner: request.partner.name };
  }, TX_OPTIONS);
}
