import "server-only";
// The review rule of 3-legged OAuth (decision 008, `mayAuthorize`): until the provider approves an
// app's authorization code grant, only the partner's own sandbox accounts may authorize it. The
// authorization endpoint enforces it; the token endpoint checks again at code redemption and
// refresh, so a review moved back since cannot be slipped past.
import { mayAuthorize } from "../credentials/review";
import type { AuthenticatedClient } from "./client-auth";
import { UnauthorizedClient } from "./errors";

export function assertReviewAllows(
  client: Pick<AuthenticatedClient, "grantTypes" | "reviewStatus" | "partnerId">,
  accountPartnerId: string | null,
): void {
  if (mayAuthorize(client, { partnerId: accountPartnerId })) return;
  throw new UnauthorizedClient(
    "This app's authorization code grant is not approved: only its partner's sandbox accounts may use it.",
  );
}
