import "server-only";
// A protected resource of any emulated provider (RFC 6750), as named steps run in this order:
//
//   1. bearerToken   the access token, by exactly one method      401 bare challenge / invalid_request
//   2. verify        the provider's verification of the token     invalid_token
//   3. accept        the resource takes this kind of token        invalid_token
//   4. scope         the token carries the resource's scope       insufficient_scope (403, scope=…)
//   5. handle        the resource's answer, JSON with no-store
//
// A provider plugs in with a `BearerIssuer` (its realm, and how it verifies its tokens: signature,
// issuer, expiry), and each resource with a `BearerResource` (its name and route, the kind of
// token it accepts, the scope it needs, and its answer, which may also find the token revoked).
// Failures that are no OAuthError are logged with a reference and answered as server_error.
// @see RFC 6750 §2, §3, §3.1
import { logUnexpected } from "../log";
import { bearerErrorResponse, bearerToken, MissingBearer } from "./bearer";
import { InsufficientScope, isOAuthError, outageAnswer, ServerError } from "./errors";
import { NO_STORE } from "./http";

/** A token's claims, as the issuer's verification returns them. */
export type TokenClaims = Readonly<Record<string, unknown>>;

export interface BearerIssuer<Claims extends TokenClaims> {
  /** The realm of the WWW-Authenticate challenges. */
  realm: string;
  /** The token's claims if this issuer issued it and it still stands; else throws invalid_token. */
  verify(token: string, request: Request): Promise<Claims>;
}

export interface BearerResource<Claims extends TokenClaims, Accepted> {
  /** The resource's name in error descriptions ("userinfo"). */
  name: string;
  /** The route, as unexpected failures are logged (e.g. "GET /acme/userinfo"). */
  route: string;
  /** What of the token this resource works with, if it takes this kind of token; else throws invalid_token. */
  accept(claims: Claims): Accepted;
  /** The scope the token must carry, if any. */
  scope?: string;
  /** The resource's JSON body. */
  handle(accepted: Accepted, scopes: readonly string[], request: Request): Promise<unknown>;
}

/** The scopes a token carries: its space-delimited `scope` claim. @see RFC 9068 §2.2.3 */
export function tokenScopes(claims: TokenClaims): string[] {
  return typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
}

/** The route handler of a protected resource. */
export function protectedResource<Claims extends TokenClaims, Accepted>(
  issuer: BearerIssuer<Claims>,
  resource: BearerResource<Claims, Accepted>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const token = await bearerToken(request);
      const claims = await issuer.verify(token, request);
      const accepted = resource.accept(claims);
      const scopes = tokenScopes(claims);
      if (resource.scope && !scopes.includes(resource.scope)) {
        throw new InsufficientScope(`The ${resource.name} endpoint needs a token with the ${resource.scope} scope.`);
      }
      return Response.json(await resource.handle(accepted, scopes, request), { headers: NO_STORE });
    } catch (error) {
      if (error instanceof MissingBearer || isOAuthError(error)) return bearerErrorResponse(error, issuer.realm, resource.scope);
      const outage = outageAnswer(error);
      if (outage) return bearerErrorResponse(outage, issuer.realm);
      const id = logUnexpected(error, { route: resource.route });
      return bearerErrorResponse(new ServerError(`The request failed unexpectedly (reference ${id}).`), issuer.realm);
    }
  };
}
