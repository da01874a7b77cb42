// The HTTP side of OAuth endpoints: reading a token request's form body the way RFC 6749 wants
// it read, and answering with the headers every token response must carry.
import { isBodyError, readUrlEncoded } from "../http/read-body";
import { InvalidRequest, OAuthError } from "./errors";

/** @see RFC 6749 §5.1: token responses (successes and errors alike) are never cached. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/** Larger bodies are no token request: reading stops at this many bytes (docs/decisions/018). */
export const MAX_FORM_BYTES = 16 * 1024;

/** A token request's parameters: each at most once, empty ones treated as absent. */
export class FormParams {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The parameter or an invalid_request naming it. */
  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new InvalidRequest(`The ${name} parameter is missing.`);
    return value;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` POST body.
 * @see RFC 6749 §3.2 (form encoding; parameters MUST NOT be included more than once)
 * @see RFC 6749 §3.1 (parameters sent without a value are treated as omitted)
 */
export async function readForm(request: Request): Promise<FormParams> {
  const body = await readOAuthForm(request);
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const [name, value] of body) {
    if (seen.has(name)) throw new InvalidRequest(`The ${name} parameter is included more than once.`);
    // NUL is no character of any OAuth parameter, and no database string may hold it.
    if (name.includes("\0") || value.includes("\0")) throw new InvalidRequest("A parameter contains a NUL character.");
    seen.add(name);
    if (value !== "") values.set(name, value);
  }
  return new FormParams(values);
}

/**
 * A form body read with the byte limit, its problems as invalid_request (RFC 6749 §5.2 names no
 * other code for a malformed request, so a body over the limit is a 400, not a 413).
 */
export async function readOAuthForm(request: Request): Promise<URLSearchParams> {
  try {
    return await readUrlEncoded(request, { maxBytes: MAX_FORM_BYTES });
  } catch (error) {
    if (isBodyError(error)) throw new InvalidRequest(error.message);
    throw error;
  }
}

export function tokenJson(body: Record<string, unknown>): Response {
  return Response.json(body, { status: 200, headers: NO_STORE });
}

/**
 * A token endpoint error: `{error, error_description}` with its status.
 * @see RFC 6749 §5.2 (invalid_client is 401 with WWW-Authenticate when the client used Basic)
 */
export function tokenErrorJson(error: OAuthError, { usedBasic = false, realm }: { usedBasic?: boolean; realm: string }): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.error === "invalid_client" && usedBasic) headers["WWW-Authenticate"] = `Basic realm="${realm}"`;
  return Response.json(error.toJSON(), { status: error.status, headers });
}
