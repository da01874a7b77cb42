import "server-only";
// Indeed's token rules: lifetimes from its documentation, its scopes, its employer ids.
import type { TokenPolicy } from "../../oauth/policy";
import { publicOrigin } from "../../public-origin";
import { INDEED_TOKEN_TTL_S } from "./keys";
import { INDEED_SCOPES } from "./scopes";

export const INDEED_POLICY: TokenPolicy = {
  provider: "INDEED",
  issuerPath: "/indeed",
  accessTokenTtlS: INDEED_TOKEN_TTL_S,
  idTokenTtlS: INDEED_TOKEN_TTL_S,
  refreshTokenTtlS: 60 * 24 * 3600,
  scopes: INDEED_SCOPES,
  // `email` and `offline_access` describe a user: 3-legged only.
  appScopes: ["employer_access"],
  offlineScope: "offline_access",
  employerScope: "employer_access",
  isEmployerId: (value) => /^[0-9a-f]{32}$/.test(value),
};

/** The emulator's issuer: the app's public origin (PUBLIC_URL behind a proxy) + "/indeed". */
export function indeedIssuer(request: Request): string {
  return `${publicOrigin(request)}${INDEED_POLICY.issuerPath}`;
}

/** The realm of WWW-Authenticate challenges. */
export const INDEED_REALM = "indeed";
