import "server-only";
// Tokens as Indeed issues them: ES256 JWT access tokens with Indeed's claims, an ID token with
// every 3-legged response, and the response fields of its token endpoint.
import { randomHex } from "../../crypto/random";
import { accountProfile } from "../../oauth/accounts";
import type { Issuance, UserIssuance } from "../../oauth/grants/types";
import { signJwt } from "../../oauth/jwt";
import { INDEED_POLICY } from "./policy";

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Access token claims. 2-legged: `sub` app:<client_id>, `app_account` (the registrant
 * account's subject, omitted when the partner has none). 3-legged: `sub` user:<subject>, `act`
 * naming the app, `sid` the code the token descends from. Both: `azp`, `scope`, `iss`, `iat`,
 * `exp`, `emp` when representing an employer; no `aud`.
 */
function accessTokenClaims(issuance: Issuance, issuer: string, now: Date) {
  const client = issuance.client.clientId;
  const common = {
    azp: client,
    scope: issuance.scopes.join(" "),
    iss: issuer,
    iat: epoch(now),
    exp: epoch(now) + INDEED_POLICY.accessTokenTtlS,
    ...(issuance.employerId ? { emp: issuance.employerId } : {}),
  };
  if (issuance.kind === "app") {
    const registrant = issuance.client.registrant;
    return { sub: `app:${client}`, ...(registrant ? { app_account: registrant.subject } : {}), ...common };
  }
  return { sub: `user:${issuance.account.subject}`, act: { sub: `app:${client}` }, ...common, sid: issuance.sid };
}

/**
 * The ID token: OIDC's mandatory claims, `email`/`email_verified` only with `email`,
 * `employers` only with `employer_access`, `nonce` when the authorization request sent one.
 */
async function idToken(issuance: UserIssuance, issuer: string, now: Date): Promise<string> {
  const claims: Record<string, unknown> = {
    iss: issuer,
    sub: issuance.account.subject,
    aud: issuance.client.clientId,
    iat: epoch(now),
    exp: epoch(now) + INDEED_POLICY.idTokenTtlS,
    ...(issuance.nonce ? { nonce: issuance.nonce } : {}),
    sid: issuance.sid,
  };
  Object.assign(claims, await profileClaims(issuance.account.id, issuance.scopes));
  return signJwt("INDEED", claims);
}

/** The claims about the account that the scopes release (ID token and userinfo alike). */
export async function profileClaims(accountId: string, scopes: readonly string[]): Promise<Record<string, unknown>> {
  if (!scopes.includes("email") && !scopes.includes("employer_access")) return {};
  const profile = await accountProfile(accountId);
  if (!profile) return {};
  return releasedClaims(profile, scopes);
}

export function releasedClaims(
  profile: { email: string; employers: { id: string; name: string }[] },
  scopes: readonly string[],
): Record<string, unknown> {
  return {
    ...(scopes.includes("email") ? { email: profile.email, email_verified: true } : {}),
    ...(scopes.includes("employer_access") ? { employers: profile.employers.map(({ id, name }) => ({ id, name })) } : {}),
  };
}

/** The token endpoint's success body. @see RFC 6749 §5.1 */
export async function tokenResponseBody(issuance: Issuance, issuer: string, now = new Date()): Promise<Record<string, unknown>> {
  const accessToken = await signJwt("INDEED", accessTokenClaims(issuance, issuer, now));
  const body: Record<string, unknown> = {
    access_token: accessToken,
    scope: issuance.scopes.join(" "),
    token_type: "Bearer",
    expires_in: INDEED_POLICY.accessTokenTtlS,
  };
  if (issuance.kind === "user") {
    if (issuance.refreshToken) body.refresh_token = issuance.refreshToken;
    body.id_token = await idToken(issuance, issuer, now);
    body.consented_scope = issuance.consentedScopes.join(" ");
    // Indeed's conversation id: 16 random characters, for support requests.
    body.convid = randomHex(8);
  }
  return body;
}
