import "server-only";
// POST /seek/auth/token: a browser token for one hirer, requested with a partner token.
// Failures are non-200 with `{error, error_description}` and no-store (docs/decisions/022).
import { seekGraphSource, type SeekCredential } from "./store";
import { AccessDenied, InvalidRequest, InvalidScope, isOAuthError, OAuthError, outageAnswer, ServerError } from "../../oauth/errors";
import { NO_STORE, tokenJson } from "../../oauth/http";
import { logUnexpected } from "../../log";
import { BodyError, readJson } from "../../http/read-body";
import { authenticateBearer } from "./authenticate";
import { BROWSER_TOKEN_SCOPES, environmentOfScheme, parseObjectId } from "./environments";
import { recordRequest, tracingHeaders } from "./records";
import { bodyProblem, MAX_TOKEN_BODY_BYTES } from "./request-params";
import { BROWSER_TOKEN_TTL_S, seekIssuer, signBrowserToken } from "./tokens";
import { SEEK_REALM } from "./partner-token";

const MAX_USER_ID_LENGTH = 255;

class InvalidBearer extends OAuthError {
  constructor(description: string) {
    super("invalid_token", description, 401);
  }
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === "") throw new InvalidRequest(`Missing required parameter: ${name}`);
  if (typeof value !== "string") throw new InvalidRequest(`The ${name} parameter must be a string.`);
  if (value.includes("\0")) throw new InvalidRequest(`The ${name} parameter contains a NUL character.`);
  return value;
}

/** Space-separated, each one of SEEK's browser scopes; duplicates collapse, order is SEEK's list's. */
function parseScopes(scope: string): string[] {
  const requested = new Set(scope.split(" ").filter(Boolean));
  if (requested.size === 0) throw new InvalidScope("The scope parameter names no scope.");
  for (const s of requested) {
    if (!(BROWSER_TOKEN_SCOPES as readonly string[]).includes(s)) throw new InvalidScope(`Unknown scope: ${s.slice(0, 64)}`);
  }
  return BROWSER_TOKEN_SCOPES.filter((s) => requested.has(s));
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await readJson(request, { maxBytes: MAX_TOKEN_BODY_BYTES });
  } catch (error) {
    throw error instanceof BodyError ? bodyProblem(error) : error;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new InvalidRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

function errorResponse(error: OAuthError): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.error === "invalid_token") {
    headers["WWW-Authenticate"] = `Bearer realm="${SEEK_REALM}", error="invalid_token", error_description="${error.description.replace(/["\\]/g, "")}"`;
  }
  if ("retryAfterSeconds" in error) headers["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json(error.toJSON(), { status: error.status, headers });
}

export async function browserTokenEndpoint(request: Request, now = new Date()): Promise<Response> {
  const route = "POST /seek/auth/token";
  const started = { endpoint: "BROWSER_TOKEN" as const, at: now, ...tracingHeaders(request) };
  let credential: SeekCredential | null = null;
  let hirerId: string | null = null;
  try {
    const issuer = seekIssuer(request);
    const auth = await authenticateBearer(request, issuer, now);
    credential = auth.ok ? auth.credential : auth.credential;
    if (!auth.ok) throw new InvalidBearer(auth.message);
    if (auth.token.kind !== "partner") throw new AccessDenied("Browser tokens are issued for partner tokens only.");
    const body = await readBody(request);
    const hirerIdText = stringField(body, "hirerId");
    hirerId = hirerIdText;
    const scopes = parseScopes(stringField(body, "scope"));
    const userId = stringField(body, "userId");
    if (userId.length > MAX_USER_ID_LENGTH) throw new InvalidRequest(`The userId parameter is longer than ${MAX_USER_ID_LENGTH} characters.`);

    const { environment } = auth.token;
    const source = seekGraphSource(auth.credential.partnerId, environment);
    let hirer;
    // Older SEEK docs: a stringified numeric advertiser id is accepted as hirerId too.
    if (/^[1-9][0-9]{0,9}$/.test(hirerIdText) && Number(hirerIdText) <= 2 ** 31 - 1) {
      hirer = await source.hirerByAdvertiserId(Number(hirerIdText));
    } else {
      const parsed = parseObjectId(hirerIdText);
      const hirerEnvironment = parsed?.type === "organization" ? environmentOfScheme(parsed.scheme) : null;
      if (!hirerEnvironment) throw new InvalidRequest("The hirerId parameter is no hiring organization ID.");
      if (hirerEnvironment !== environment) throw new AccessDenied("The hirer belongs to the other environment than the partner token.");
      hirer = await source.hirer(hirerIdText);
    }
    if (!hirer) throw new AccessDenied("The partner has no relationship with this hirer.");
    const accessToken = await signBrowserToken({
      issuer,
      clientId: auth.token.clientId,
      environment,
      hirerId: hirer.id,
      userId,
      scopes,
      now,
    });
    await recordRequest({ ...started, credential, hirerId: hirer.id, httpStatus: 200, errorCode: null, errorMessage: null }, route);
    return tokenJson({ access_token: accessToken, expires_in: BROWSER_TOKEN_TTL_S, token_type: "Bearer" });
  } catch (error) {
    const oauthError = isOAuthError(error)
      ? error
      : (outageAnswer(error) ??
        new ServerError(`The browser token endpoint failed unexpectedly (reference ${logUnexpected(error, { route })}).`));
    const { status, error: errorCode, description } = oauthError;
    await recordRequest({ ...started, credential, hirerId, httpStatus: status, errorCode, errorMessage: description }, route);
    return errorResponse(oauthError);
  }
}
