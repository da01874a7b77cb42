// The review of an OAuth client's authorization code grant, and the rule the Indeed emulator
// applies while it lasts. See docs/decisions/008-authorization-code-review.md.
import type { GrantReviewStatus } from "../generated/prisma/enums";

export type { GrantReviewStatus };

export const REVIEW_LABELS: Record<GrantReviewStatus, string> = {
  IN_REVIEW: "Review in progress",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export type ReviewMove = "approve" | "reject" | "resubmit";

/** Where each move may start and where it ends. Admins approve and reject; partners resubmit. */
export const REVIEW_MOVES: Record<ReviewMove, { from: GrantReviewStatus; to: GrantReviewStatus; permission: "services:administer" | "credentials:manage" }> = {
  approve: { from: "IN_REVIEW", to: "APPROVED", permission: "services:administer" },
  reject: { from: "IN_REVIEW", to: "REJECTED", permission: "services:administer" },
  resubmit: { from: "REJECTED", to: "IN_REVIEW", permission: "credentials:manage" },
};

/**
 * Who may authorize (sign in and consent to) a client with the authorization code grant. Until
 * Indeed approves the grant, only the partner's own sandbox test accounts can; once approved,
 * any account can. A client without the grant cannot be authorized at all.
 */
export function mayAuthorize(
  client: { grantTypes: readonly string[]; reviewStatus: GrantReviewStatus | null; partnerId: string },
  account: { partnerId: string | null },
): boolean {
  if (!client.grantTypes.includes("AUTHORIZATION_CODE")) return false;
  if (client.reviewStatus === "APPROVED") return true;
  return account.partnerId !== null && account.partnerId === client.partnerId;
}
