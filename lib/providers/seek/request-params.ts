// The body of SEEK's token requests: JSON as SEEK documents it, or a form as Auth0 also accepts.
// Either way a flat set of string parameters, each at most once, empty ones treated as absent.
import { BodyError, mediaType, readJson, readUrlEncoded } from "../../http/read-body";
import { InvalidRequest, OAuthError } from "../../oauth/errors";
import { FormParams } from "../../oauth/http";

export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/** BodyError → invalid_request with the reader's status (400, 413 or 415). */
export function bodyProblem(error: BodyError): OAuthError {
  return new OAuthError("invalid_request", error.message, error.status);
}

export async function readTokenParams(request: Request, { maxBytes = MAX_TOKEN_BODY_BYTES } = {}): Promise<FormParams> {
  const values = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (name.includes("\0") || value.includes("\0")) throw new InvalidRequest("A parameter contains a NUL character.");
    if (values.has(name)) throw new InvalidRequest(`The ${name} parameter is included more than once.`);
    if (value !== "") values.set(name, value);
  };
  if (mediaType(request) === "application/x-www-form-urlencoded") {
    const form = await readUrlEncoded(request, { maxBytes });
    const seen = new Set<string>();
    for (const [name, value] of form) {
      if (seen.has(name)) throw new InvalidRequest(`The ${name} parameter is included more than once.`);
      seen.add(name);
      add(name, value);
    }
    return new FormParams(values);
  }
  const body = await readJson(request, { maxBytes });
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidRequest("The request body must be a JSON object.");
  }
  for (const [name, value] of Object.entries(body)) {
    if (value === null) continue;
    if (typeof value !== "string") throw new InvalidRequest(`The ${name.slice(0, 64)} parameter must be a string.`);
    add(name, value);
  }
  return new FormParams(values);
}

export function isBodyProblem(error: unknown): error is BodyError {
  return error instanceof BodyError;
}
