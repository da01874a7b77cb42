import "server-only";
// POST /seek/oauth/token: SEEK's partner token, the OAuth 2.0 client credentials grant with
// SEEK's (Auth0's) request and error shapes, as a short list of named checks. Every answer is
// recorded for the credential's Integration health. See docs/decisions/022.
// @see RFC 6749 §4.4
import { presentedCredentials, usesBasic } from "../../oauth/client-auth";
import { AccessDenied, InvalidRequest, isOAuthError, OAuthError, ServerError, UnsupportedGrantType } from "../../oauth/errors";
import { tokenErrorJson, tokenJson, type FormParams } from "../../oauth/http";
import { logUnexpected } from "../../log";
import { authenticateSeekCredential, type SeekCredential } from "../../data/seek-emulator";
import { environmentOfAudience, SEEK_AUDIENCES } from "./environments";
import { recordRequest, tracingHeaders } from "./records";
import { bodyProblem, isBodyProblem, readTokenParams } from "./request-params";
import { seekIssuer, signPartnerToken } from "./tokens";

export const SEEK_REALM = "seek";

/** Grants Auth0 knows but a SEEK credential may not use: Auth0 answers 403 unauthorized_client. */
const OTHER_KNOWN_GRANTS = new Set([
  "authorization_code",
  "refresh_token",
  "password",
  "http://auth0.com/oauth/grant-type/password-realm",
  "urn:ietf:params:oauth:grant-type:device_code",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
  "urn:ietf:params:oauth:grant-type:token-exchange",
]);

/** Bad client credentials, whichever part was wrong: Auth0's 401. */
const unauthorized = () => new OAuthError("access_denied", "Unauthorized", 401);

function missing(name: string): OAuthError {
  return new InvalidRequest(`Missing required parameter: ${name}`);
}

function checkGrantType(params: FormParams) {
  const grantType = params.get("grant_type");
  if (grantType === undefined) throw missing("grant_type");
  if (grantType === "client_credentials") return;
  if (OTHER_KNOWN_GRANTS.has(grantType)) {
    throw new OAuthError("unauthorized_client", `Grant type '${grantType}' not allowed for the client.`, 403);
  }
  throw new UnsupportedGrantType(`Unsupported grant type: ${grantType.slice(0, 64)}`);
}

function requestedEnvironment(params: FormParams) {
  const audience = params.get("audience");
  if (audience === undefined) throw new AccessDenied("No audience parameter was provided, and no default audience has been configured");
  const environment = environmentOfAudience(audience);
  if (!environment) throw new AccessDenied(`Service not found: ${audience.slice(0, 256)}`);
  return environment;
}

/** @see RFC 6749 §2.3.1: client_secret_post (SEEK's JSON body) or client_secret_basic. */
function credentialsOf(request: Request, params: FormParams) {
  if (!usesBasic(request) && params.get("client_id") === undefined) throw missing("client_id");
  try {
    const presented = presentedCredentials(request, params);
    if (presented.secret === undefined) throw unauthorized();
    return { clientId: presented.clientId, secret: presented.secret };
  } catch (error) {
    if (isOAuthError(error) && error.error === "invalid_client") throw unauthorized();
    throw error;
  }
}

export async function partnerTokenEndpoint(request: Request, now = new Date()): Promise<Response> {
  const route = "POST /seek/oauth/token";
  const started = { endpoint: "PARTNER_TOKEN" as const, at: now, ...tracingHeaders(request) };
  let credential: SeekCredential | null = null;
  try {
    let params: FormParams;
    try {
      params = await readTokenParams(request);
    } catch (error) {
      throw isBodyProblem(error) ? bodyProblem(error) : error;
    }
    checkGrantType(params);
    const presented = credentialsOf(request, params);
    const environment = requestedEnvironment(params);
    const authentication = await authenticateSeekCredential(presented.clientId, presented.secret, now);
    credential = authentication.credential;
    if (!authentication.authenticated || !credential) throw unauthorized();
    if (credential.environment !== environment) {
      throw new AccessDenied(`Client is not authorized to access "${SEEK_AUDIENCES[environment]}".`);
    }
    const ttlS = authentication.expiresIn;
    const accessToken = await signPartnerToken({
      issuer: seekIssuer(request),
      clientId: credential.clientId,
      environment,
      ttlS,
      now,
    });
    await recordRequest({ ...started, credential, httpStatus: 200, errorCode: null, errorMessage: null }, route);
    return tokenJson({ access_token: accessToken, expires_in: ttlS, token_type: "Bearer" });
  } catch (error) {
    const oauthError = isOAuthError(error)
      ? error
      : new ServerError(`The token endpoint failed unexpectedly (reference ${logUnexpected(error, { route })}).`);
    const { status, error: errorCode, description } = oauthError;
    await recordRequest({ ...started, credential, httpStatus: status, errorCode, errorMessage: description }, route);
    return tokenErrorJson(oauthError, { realm: SEEK_REALM });
  }
}
