import "server-only";
// The client credentials grant: the client acts for itself and for the account that
// registered its partner's apps.
// @see RFC 6749 §4.4
import type { AuthenticatedClient } from "../client-auth";
import { requestedEmployer } from "../employer";
import { UnauthorizedClient } from "../errors";
import type { FormParams } from "../http";
import type { TokenPolicy } from "../policy";
import { parseScope } from "../scope";
import type { AppIssuance } from "./types";

export async function clientCredentialsGrant(
  policy: TokenPolicy,
  client: AuthenticatedClient,
  params: FormParams,
): Promise<AppIssuance> {
  // @see RFC 6749 §4.4: confidential clients only.
  if (client.isPublic) throw new UnauthorizedClient("A public client cannot use the client credentials grant.");
  const scopes = parseScope(policy, params.get("scope"), policy.appScopes);
  const employerId = await requestedEmployer(policy, params, scopes, client.registrant);
  return { kind: "app", client, scopes, employerId };
}
