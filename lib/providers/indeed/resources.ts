import "server-only";
// Indeed's protected resources of the OAuth emulator: userinfo (3-legged tokens) and appinfo
// (client credentials tokens with employer_access), on the provider-neutral bearer steps of
// lib/oauth/protected-resource.ts.
// @see RFC 6750; OpenID Connect Core §5.3
import type { JWTPayload } from "jose";
import { clientRegistrantEmployers, liveSessionAccount } from "../../oauth/accounts";
import { InvalidToken } from "../../oauth/errors";
import { verifyJwt } from "../../oauth/jwt";
import { protectedResource, type BearerIssuer } from "../../oauth/protected-resource";
import { INDEED_POLICY, INDEED_REALM, indeedIssuer } from "./policy";
import { releasedClaims } from "./tokens";

const INDEED_BEARER: BearerIssuer<JWTPayload> = {
  realm: INDEED_REALM,
  verify: (token, request) => verifyJwt("INDEED", token, indeedIssuer(request)),
};

/** GET|POST /indeed/v2/api/userinfo: `sub`, plus what the token's scopes release. */
export const userinfoEndpoint = protectedResource(INDEED_BEARER, {
  name: "userinfo",
  route: "/indeed/v2/api/userinfo",
  accept(claims) {
    const sub = typeof claims.sub === "string" ? claims.sub : "";
    if (!sub.startsWith("user:") || typeof claims.sid !== "string" || typeof claims.azp !== "string") {
      throw new InvalidToken("The userinfo endpoint takes an access token from the authorization code flow.");
    }
    return { sid: claims.sid, clientId: claims.azp, subject: sub.slice("user:".length) };
  },
  async handle({ sid, clientId, subject }, scopes) {
    const account = await liveSessionAccount(sid, clientId, subject);
    if (!account) throw new InvalidToken("The access token has been revoked.");
    return { sub: account.subject, ...releasedClaims(account, scopes) };
  },
});

/** GET /indeed/v2/api/appinfo: the employers of the account that registered the app. */
export const appinfoEndpoint = protectedResource(INDEED_BEARER, {
  name: "appinfo",
  route: "/indeed/v2/api/appinfo",
  accept(claims) {
    const sub = typeof claims.sub === "string" ? claims.sub : "";
    if (!sub.startsWith("app:") || typeof claims.azp !== "string" || sub !== `app:${claims.azp}`) {
      throw new InvalidToken("The appinfo endpoint takes an access token from the client credentials flow.");
    }
    return { clientId: claims.azp };
  },
  scope: INDEED_POLICY.employerScope,
  async handle({ clientId }) {
    const employers = await clientRegistrantEmployers(clientId);
    if (!employers) throw new InvalidToken("The app of this access token no longer exists.");
    return { employers };
  },
});
