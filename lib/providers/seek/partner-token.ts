import "server-only";
// POST /seek/oauth/token: SEEK's partner token, the client credentials grant, as a provider of
// the neutral token endpoint (lib/oauth/token-endpoint.ts). What is SEEK's own (decision 022):
// - the body is SEEK's JSON or a form (Auth0 takes both);
// - `audience` is required and names the credential's environment;
// - errors in Auth0's shapes: bad client credentials 401 `access_denied` "Unauthorized",
//   an unknown, missing or other environment's audience 403 `access_denied`, a grant Auth0
//   knows but the credential may not use 403 `unauthorized_client`;
// - `{access_token, expires_in, token_type}` with expires_in from the admins' setting.
// Each request is recorded for the credential's Integration health.
// @see RFC 6749 §4.4
import { authenticateSeekCredential, type SeekCredential } from "./store";
import type { GrantType } from "../../generated/prisma/enums";
import { presentedCredentials, usesBasic } from "../../oauth/client-auth";
import { clientAuthFailed } from "../../oauth/client-auth-throttle";
import { AccessDenied, InvalidRequest, OAuthError, type OAuthError as OAuthErrorType } from "../../oauth/errors";
import type { FormParams } from "../../oauth/http";
import { tokenEndpoint, type TokenErrorAnswer, type TokenGrant, type TokenProvider } from "../../oauth/token-endpoint";
import { environmentOfAudience, SEEK_AUDIENCES, type SeekEnvironment } from "./environments";
import { recordRequest, tracingHeaders } from "./records";
import { bodyProblem, isBodyProblem, readTokenParams } from "./request-params";
import { seekIssuer, signPartnerToken } from "./tokens";

export const SEEK_REALM = "seek";
const ROUTE = "POST /seek/oauth/token";

/** One request's state: the clock it runs on and what the record will say. */
interface Exchange {
  now: Date;
  credential: SeekCredential | null;
  expiresIn: number;
  error: OAuthErrorType | null;
}

interface SeekClient {
  grantTypes: readonly GrantType[];
  credential: SeekCredential;
}

interface PartnerTokenIssued {
  credential: SeekCredential;
  environment: SeekEnvironment;
}

async function readParams(request: Request): Promise<FormParams> {
  try {
    return await readTokenParams(request);
  } catch (error) {
    throw isBodyProblem(error) ? bodyProblem(error) : error;
  }
}

/** @see RFC 6749 §2.3.1: client_secret_post (SEEK's JSON body) or client_secret_basic. */
async function authenticate(exchange: Exchange, request: Request, params: FormParams): Promise<SeekClient> {
  if (!usesBasic(request) && params.get("client_id") === undefined) throw new InvalidRequest("Missing required parameter: client_id");
  const presented = presentedCredentials(request, params);
  if (presented.secret === undefined) throw clientAuthFailed();
  const result = await authenticateSeekCredential(presented.clientId, presented.secret, exchange.now);
  exchange.credential = result.credential;
  exchange.expiresIn = result.expiresIn;
  if (result.failure || !result.credential) throw result.failure ?? clientAuthFailed();
  // SEEK credentials are registered for the client credentials grant only.
  return { grantTypes: ["CLIENT_CREDENTIALS"], credential: result.credential };
}

/** `audience` names the environment; the credential must belong to it. */
const clientCredentials: TokenGrant<null, SeekClient, PartnerTokenIssued> = {
  registeredAs: "CLIENT_CREDENTIALS",
  async run(_policy, client, params) {
    const audience = params.get("audience");
    if (audience === undefined) throw new AccessDenied("No audience parameter was provided, and no default audience has been configured");
    const environment = environmentOfAudience(audience);
    if (!environment) throw new AccessDenied(`Service not found: ${audience.slice(0, 256)}`);
    if (client.credential.environment !== environment) {
      throw new AccessDenied(`Client is not authorized to access "${SEEK_AUDIENCES[environment]}".`);
    }
    return { credential: client.credential, environment };
  },
};

/** Grants Auth0 knows: registered as a grant SEEK credentials never have, so they are refused after authentication. */
const refusedGrant: TokenGrant<null, SeekClient, PartnerTokenIssued> = {
  registeredAs: "AUTHORIZATION_CODE",
  run() {
    throw new Error("A SEEK credential is never registered for this grant.");
  },
};

const GRANTS = {
  client_credentials: clientCredentials,
  authorization_code: refusedGrant,
  refresh_token: refusedGrant,
  password: refusedGrant,
  "urn:ietf:params:oauth:grant-type:device_code": refusedGrant,
  "urn:ietf:params:oauth:grant-type:jwt-bearer": refusedGrant,
  "urn:ietf:params:oauth:grant-type:token-exchange": refusedGrant,
};

/** RFC 6749's errors in Auth0's statuses and codes. */
function auth0Answer(error: OAuthErrorType): OAuthErrorType {
  if (error.error === "invalid_client") return new OAuthError("access_denied", "Unauthorized", 401);
  if (error.error === "unauthorized_client") return new OAuthError("unauthorized_client", "Grant type not allowed for the client.", 403);
  return error;
}

function provider(exchange: Exchange): TokenProvider<null, SeekClient, PartnerTokenIssued> {
  return {
    route: ROUTE,
    policy: null,
    readParams,
    authenticateClient: (request, params) => authenticate(exchange, request, params),
    grants: GRANTS,
    async responseBody(issued, request) {
      const accessToken = await signPartnerToken({
        issuer: seekIssuer(request),
        clientId: issued.credential.clientId,
        environment: issued.environment,
        ttlS: exchange.expiresIn,
        now: exchange.now,
      });
      return { access_token: accessToken, expires_in: exchange.expiresIn, token_type: "Bearer" };
    },
    errorAnswer(error): TokenErrorAnswer {
      const answered = auth0Answer(error);
      exchange.error = answered;
      return { status: answered.status, body: answered.toJSON() };
    },
  };
}

export async function partnerTokenEndpoint(request: Request, now = new Date()): Promise<Response> {
  const tracing = tracingHeaders(request);
  const exchange: Exchange = { now, credential: null, expiresIn: 0, error: null };
  const response = await tokenEndpoint(provider(exchange))(request);
  const { error } = exchange;
  await recordRequest(
    {
      endpoint: "PARTNER_TOKEN",
      at: now,
      credential: exchange.credential,
      httpStatus: response.status,
      errorCode: error?.error ?? null,
      errorMessage: error?.description ?? null,
      ...tracing,
    },
    ROUTE,
  );
  return response;
}
