// What a grant decides; the provider turns it into tokens (lib/providers/<provider>/tokens.ts).
// The grants run after the token endpoint has authenticated the client and checked that it is
// registered for the grant (lib/oauth/token-endpoint.ts); they check the rest themselves.
import type { AuthenticatedClient } from "../client-auth";
import type { TokenPolicy } from "../policy";
import { orderScopes } from "../scope";

/** A 2-legged token: the client acts for itself (and its registrant account). */
export interface AppIssuance {
  kind: "app";
  client: AuthenticatedClient;
  scopes: string[];
  employerId: string | null;
}

/** A 3-legged token: the client acts for an account that authorized it. */
export interface UserIssuance {
  kind: "user";
  client: AuthenticatedClient;
  account: { id: string; subject: string };
  /** Scopes of this access token. */
  scopes: string[];
  /** Everything the account has granted the client (incremental authorization accumulates). */
  consentedScopes: string[];
  employerId: string | null;
  /** The AuthorizationCode the tokens descend from: revoking it revokes them. */
  sid: string;
  nonce: string | null;
  /** A fresh refresh token (only with offline access), in clear: returned once, stored hashed. */
  refreshToken: string | null;
}

export type Issuance = AppIssuance | UserIssuance;

/** What the code and refresh token grants issue for the account behind the row they redeemed. */
export function userIssuance(
  policy: TokenPolicy,
  client: AuthenticatedClient,
  row: { account: { id: string; subject: string }; grant: { scopes: string[] } },
  issued: Pick<UserIssuance, "scopes" | "employerId" | "sid" | "nonce" | "refreshToken">,
): UserIssuance {
  return {
    kind: "user",
    client,
    account: { id: row.account.id, subject: row.account.subject },
    consentedScopes: orderScopes(policy, row.grant.scopes),
    ...issued,
  };
}
