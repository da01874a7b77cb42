import "server-only";
// The token endpoint of any emulated provider, as a list of named steps run in this order (the
// order docs/decisions/011 states, pinned by token-endpoint.test.ts):
//
//   1. readParams          the request's parameters               invalid_request
//   2. requireGrantType    `grant_type` is present                 invalid_request
//   3. supportedGrant      the provider knows that grant type      unsupported_grant_type
//   4. authenticateClient  the client, by the provider's lookup    invalid_request / invalid_client
//   5. allowedGrant        the client is registered for the grant  unauthorized_client
//   6. grant               the grant's own checks and decision     the grant's errors
//   7. respond             the provider's success body, no-store
//
// A provider plugs in by describing itself as a `TokenProvider` and nothing else:
// - `policy`: whatever its grants need to decide (lifetimes, scopes…); the endpoint only hands
//   it to the grant.
// - `readParams`: how a body becomes parameters. A provider that takes only form bodies passes
//   lib/oauth/http.ts readForm; one that also takes JSON supplies a reader that yields the same
//   FormParams.
// - `authenticateClient`: the client lookup. It reads the presented credentials (usually
//   lib/oauth/client-auth.ts presentedCredentials) and returns the provider's own client type,
//   which tells only which grant types it is registered for; it throws invalid_client.
// - `grants`: `grant_type` value → the registered grant type it needs (refresh_token belongs to
//   AUTHORIZATION_CODE) and the function that runs it. A provider with client credentials only
//   lists one grant; any other value is then unsupported_grant_type.
// - `responseBody`: the success body (tokens signed with the provider's own keys and claims).
// - `errorAnswer` (optional): the status, body and headers of an error. The default is
//   RFC 6749 §5.2's `{error, error_description}` (rfc6749ErrorAnswer); a provider with other
//   error shapes maps the RFC error it is given to its own.
// A Throttled error (too many failed client authentications) also gets Retry-After, and so does
// a database outage, answered temporarily_unavailable with 503 (docs/decisions/024).
// Every answer, success or error, carries Cache-Control: no-store (RFC 6749 §5.1); a failure
// that is no OAuthError is logged with a reference and answered as server_error.
// @see RFC 6749 §3.2, §5
import type { GrantType } from "../generated/prisma/enums";
import { logUnexpected } from "../log";
import { isOAuthError, outageAnswer, ServerError, UnauthorizedClient, UnsupportedGrantType, type OAuthError } from "./errors";
import { NO_STORE, type FormParams } from "./http";

/** What the endpoint needs to know of an authenticated client: the grants it is registered for. */
export interface RegisteredClient {
  readonly grantTypes: readonly GrantType[];
}

export interface TokenGrant<Policy, Client extends RegisteredClient, Issued> {
  /** The grant type a client must be registered for to use this grant. */
  registeredAs: GrantType;
  /** The grant's own checks, then what it issues. Throws OAuthErrors. */
  run(policy: Policy, client: Client, params: FormParams): Promise<Issued>;
}

/** An error as the provider answers it; the endpoint adds the no-store headers. */
export interface TokenErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface TokenProvider<Policy, Client extends RegisteredClient, Issued> {
  /** The route, as unexpected failures are logged (e.g. "POST /acme/oauth/token"). */
  route: string;
  policy: Policy;
  readParams(request: Request): Promise<FormParams>;
  authenticateClient(request: Request, params: FormParams): Promise<Client>;
  grants: Readonly<Record<string, TokenGrant<Policy, Client, Issued>>>;
  responseBody(issued: Issued, request: Request): Promise<Record<string, unknown>>;
  errorAnswer?(error: OAuthError, request: Request): TokenErrorAnswer;
}

const GRANT_NAMES: Record<GrantType, string> = {
  AUTHORIZATION_CODE: "the authorization code grant",
  CLIENT_CREDENTIALS: "the client credentials grant",
};

/** RFC 6749 §5.2: `{error, error_description}` with the error's status. */
export function rfc6749ErrorAnswer(error: OAuthError): TokenErrorAnswer {
  return { status: error.status, body: error.toJSON() };
}

function requireGrantType(params: FormParams): string {
  return params.require("grant_type");
}

function supportedGrant<G>(grants: Readonly<Record<string, G>>, grantType: string): G {
  if (!Object.hasOwn(grants, grantType)) {
    throw new UnsupportedGrantType(`The grant type is not supported: ${grantType.slice(0, 64)}.`);
  }
  return grants[grantType]!;
}

/** @see RFC 6749 §5.2 unauthorized_client: not authorized to use this grant type. */
function allowedGrant(client: RegisteredClient, registeredAs: GrantType): void {
  if (!client.grantTypes.includes(registeredAs)) {
    throw new UnauthorizedClient(`This client is not registered for ${GRANT_NAMES[registeredAs]}.`);
  }
}

function answer({ status, body, headers }: TokenErrorAnswer, error?: OAuthError): Response {
  // @see RFC 6585 §4, RFC 9110 §10.2.3: a 429 or 503 says when to come back, whatever body the
  // provider gives it.
  const retry: Record<string, string> =
    error && "retryAfterSeconds" in error ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return Response.json(body, { status, headers: { ...headers, ...retry, ...NO_STORE } });
}

/** The route handler of a provider's token endpoint. */
export function tokenEndpoint<Policy, Client extends RegisteredClient, Issued>(
  provider: TokenProvider<Policy, Client, Issued>,
): (request: Request) => Promise<Response> {
  const errorAnswer = provider.errorAnswer ?? rfc6749ErrorAnswer;
  return async (request) => {
    try {
      const params = await provider.readParams(request);
      const grantType = requireGrantType(params);
      const grant = supportedGrant(provider.grants, grantType);
      const client = await provider.authenticateClient(request, params);
      allowedGrant(client, grant.registeredAs);
      const issued = await grant.run(provider.policy, client, params);
      return answer({ status: 200, body: await provider.responseBody(issued, request) });
    } catch (error) {
      if (isOAuthError(error)) return answer(errorAnswer(error, request), error);
      const outage = outageAnswer(error);
      if (outage) return answer(errorAnswer(outage, request), outage);
      const id = logUnexpected(error, { route: provider.route });
      return answer(errorAnswer(new ServerError(`The token endpoint failed unexpectedly (reference ${id}).`), request));
    }
  };
}
