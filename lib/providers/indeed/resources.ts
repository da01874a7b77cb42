import "server-only";
// Indeed's protected resources of the OAuth emulator: userinfo (3-legged tokens) and appinfo
// (client credentials tokens with employer_access).
// @see RFC 6750; OpenID Connect Core §5.3
import { clientRegistrantEmployers, liveSessionAccount } from "../../oauth/accounts";
import { bearerErrorResponse, bearerToken, MissingBearer } from "../../oauth/bearer";
import { InsufficientScope, InvalidToken, isOAuthError, ServerError } from "../../oauth/errors";
import { verifyJwt } from "../../oauth/jwt";
import { logUnexpected } from "../../log";
import { INDEED_REALM, indeedIssuer } from "./policy";
import { releasedClaims } from "./tokens";

type Claims = Awaited<ReturnType<typeof verifyJwt>>;

function json(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
}

function scopesOf(claims: Claims): string[] {
  return typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
}

async function resource(route: string, request: Request, handle: (claims: Claims) => Promise<Response>, scope?: string) {
  try {
    const token = await bearerToken(request);
    const claims = await verifyJwt("INDEED", token, indeedIssuer(request));
    return await handle(claims);
  } catch (error) {
    if (error instanceof MissingBearer || isOAuthError(error)) return bearerErrorResponse(error, INDEED_REALM, scope);
    const id = logUnexpected(error, { route });
    return bearerErrorResponse(new ServerError(`The request failed unexpectedly (reference ${id}).`), INDEED_REALM);
  }
}

/** GET|POST /indeed/v2/api/userinfo: `sub`, plus what the token's scopes release. */
export function userinfoEndpoint(request: Request): Promise<Response> {
  return resource("/indeed/v2/api/userinfo", request, async (claims) => {
    const sub = typeof claims.sub === "string" ? claims.sub : "";
    if (!sub.startsWith("user:") || typeof claims.sid !== "string" || typeof claims.azp !== "string") {
      throw new InvalidToken("The userinfo endpoint takes an access token from the authorization code flow.");
    }
    const account = await liveSessionAccount(claims.sid, claims.azp, sub.slice("user:".length));
    if (!account) throw new InvalidToken("The access token has been revoked.");
    return json({ sub: account.subject, ...releasedClaims(account, scopesOf(claims)) });
  });
}

/** GET /indeed/v2/api/appinfo: the employers of the account that registered the app. */
export function appinfoEndpoint(request: Request): Promise<Response> {
  return resource(
    "/indeed/v2/api/appinfo",
    request,
    async (claims) => {
      const sub = typeof claims.sub === "string" ? claims.sub : "";
      if (!sub.startsWith("app:") || typeof claims.azp !== "string" || sub !== `app:${claims.azp}`) {
        throw new InvalidToken("The appinfo endpoint takes an access token from the client credentials flow.");
      }
      if (!scopesOf(claims).includes("employer_access")) {
        throw new InsufficientScope("The appinfo endpoint needs a token with the employer_access scope.");
      }
      const employers = await clientRegistrantEmployers(claims.azp);
      if (!employers) throw new InvalidToken("The app of this access token no longer exists.");
      return json({ employers });
    },
    "employer_access",
  );
}
