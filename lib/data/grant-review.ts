import "server-only";
// The review of an OAuth client's authorization code grant (docs/decisions/008): admins approve
// and reject, the partner resubmits a rejected one. The moves are lib/credentials/review.ts's.
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { REVIEW_MOVES, type ReviewMove } from "../credentials/review";
import { CHANGED_MEANWHILE, clientForChange, recordActivity } from "./client-access";
import { TX_OPTIONS } from "./shared";
import type { SessionUser } from "./users";
import { PARTNER_INFO_SELECT } from "./partner-info";

/** A client's grant review as the Credentials tab and the review queue show it. */
export const REVIEW_SELECT = { reviewStatus: true, reviewReason: true, reviewVersion: true, reviewChangedAt: true } as const;

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
  // The review's rule, whoever calls: a rejection tells the partner why.
  const reason = input.move === "reject" ? input.reason?.trim() || null : null;
  if (input.move === "reject" && !reason) {
    const message = "Enter a reason. The partner sees it on the Credentials tab.";
    throw new AppError("VALIDATION", message, { reason: [message] });
  }
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId, { permission: move.permission });
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
    await recordActivity(tx, app.id, user.id, type, reason ? { reason } : {}, now);
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
      ...REVIEW_SELECT,
      ...PARTNER_INFO_SELECT,
      redirectUris: { select: { uri: true }, orderBy: { createdAt: "asc" } },
      app: { select: { id: true, name: true, partner: { select: { id: true, name: true } } } },
    },
  });
}
