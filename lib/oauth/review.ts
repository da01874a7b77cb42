// The review rule of 3-legged OAuth: until Indeed approves an app's authorization code grant,
// only the partner's own sandbox accounts may authorize it (the authorization endpoint enforces
// it; the token endpoint checks again, so a review moved back since cannot be slipped past).
import type { AuthenticatedClient } from "./client-auth";
import { UnauthorizedClient } from "./errors";

export function assertReviewAllows(client: Pick<AuthenticatedClient, "reviewStatus" | "partnerId">, accountPartnerId: string | null): void {
  if (client.reviewStatus === "APPROVED") return;
  if (accountPartnerId !== null && accountPartnerId === client.partnerId) return;
  throw new UnauthorizedClient(
    "This app's authorization code grant is not approved: only its partner's sandbox accounts may use it.",
  );
}
