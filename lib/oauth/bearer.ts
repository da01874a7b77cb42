// Bearer tokens at protected resources (userinfo, appinfo).
// @see RFC 6750 §2.1 (Authorization header), §2.2 (form body), §3 (WWW-Authenticate), §3.1 (errors)
import { mediaType } from "../http/read-body";
import { InvalidRequest, OAuthError } from "./errors";
import { NO_STORE, readOAuthForm } from "./http";

/** A request without any credentials: 401 with a bare challenge, no error code (§3.1). */
export class MissingBearer extends Error {
  override name = "MissingBearer";
}

/**
 * The access token of a resource request: from `Authorization: Bearer`, or (POST only) the
 * `access_token` form parameter. More than one method, or a malformed header, is invalid_request.
 */
export async function bearerToken(request: Request): Promise<string> {
  const header = request.headers.get("authorization")?.trim();
  let fromHeader: string | undefined;
  if (header) {
    const match = /^bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
    if (!match) throw new InvalidRequest("The Authorization header must be `Bearer <access token>`.");
    fromHeader = match[1];
  }
  let fromBody: string | undefined;
  if (request.method === "POST" && mediaType(request) === "application/x-www-form-urlencoded") {
    const values = (await readOAuthForm(request)).getAll("access_token");
    if (values.length > 1) throw new InvalidRequest("The access_token parameter is included more than once.");
    fromBody = values[0] || undefined;
  }
  if (fromHeader && fromBody) throw new InvalidRequest("The access token was sent in more than one way.");
  const token = fromHeader ?? fromBody;
  if (!token) throw new MissingBearer("No access token.");
  return token;
}

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** The RFC 6750 answer to a failed resource request. */
export function bearerErrorResponse(error: OAuthError | MissingBearer, realm: string, scope?: string): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error instanceof MissingBearer) {
    headers["WWW-Authenticate"] = `Bearer realm=${quoted(realm)}`;
    return new Response(null, { status: 401, headers });
  }
  const params = [`realm=${quoted(realm)}`, `error=${quoted(error.error)}`, `error_description=${quoted(error.description)}`];
  if (scope && error.error === "insufficient_scope") params.push(`scope=${quoted(scope)}`);
  headers["WWW-Authenticate"] = `Bearer ${params.join(", ")}`;
  return Response.json(error.toJSON(), { status: error.status, headers });
}
