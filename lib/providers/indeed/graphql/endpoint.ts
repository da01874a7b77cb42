import "server-only";
// POST /indeed/graphql: Indeed's simulated GraphQL APIs (Job Sync, Disposition Sync, Employer
// Data). A short list of named steps: read the JSON body, authenticate the token, admit the
// request (rate limit, provisioning statuses), parse, validate with limits, execute.
// GraphQL errors are HTTP 200 with `errors[].extensions.code`; HTTP errors are only for what is
// no GraphQL request at all (wrong method, media type, size, malformed JSON) and rate limits.
import { execute, GraphQLError, type ExecutionResult, type GraphQLFormattedError } from "graphql";
import { env } from "../../../env";
import { isBodyError, readJson } from "../../../http/read-body";
import { logUnexpected } from "../../../log";
import { isDatabaseUnavailable, noteDatabaseUnavailable, RETRY_AFTER } from "../../../db-unavailable";
import { admit, authenticate, Unauthenticated } from "./access";
import { ensureEmployerIdType } from "../../../data/employer-id-type";
import type { IndeedErrorCode } from "./errors";
import { checkedDocument } from "./document";
import type { GraphqlContext } from "./resolvers";
import { rootValue } from "./resolvers";
import { indeedSchema } from "./schema";

export const SIMULATED_MESSAGE = "This is a simulated response";

/** 100 jobs of at most 65,000 bytes of description each, with room for the rest of each job. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const HEADERS = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" } as const;

export interface EndpointOptions {
  /** Requests per client per rolling minute; the INDEED_GRAPHQL_RATE_LIMIT setting by default. */
  perMinute?: number;
  now?: () => Date;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function answer(body: { data?: unknown; errors?: readonly GraphQLFormattedError[] }, status = 200, headers: Record<string, string> = {}) {
  const data = body.data === undefined || body.data === null ? {} : body.data;
  return new Response(
    JSON.stringify({ ...(body.errors?.length ? { errors: body.errors } : {}), data: { ...(data as object), _simulatedMessage: SIMULATED_MESSAGE } }),
    { status, headers: { ...HEADERS, ...headers } },
  );
}

function failure(code: IndeedErrorCode | string, message: string, status = 200, headers: Record<string, string> = {}) {
  return answer({ errors: [{ message, extensions: { code } }] }, status, headers);
}

/** A database outage: 503 with Retry-After in GraphQL's error shape (docs/decisions/024). */
function unavailable() {
  noteDatabaseUnavailable();
  return failure("SERVICE_UNAVAILABLE", "The API is temporarily unavailable. Try again in a moment.", 503, RETRY_AFTER);
}

interface GraphqlRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => k.includes("\0") || hasNul(v, depth + 1));
  return false;
}

/** @see GraphQL over HTTP, "application/json" POST requests */
async function readGraphqlRequest(request: Request): Promise<GraphqlRequest> {
  let body: unknown;
  try {
    body = await readJson(request, { maxBytes: MAX_BODY_BYTES });
  } catch (error) {
    if (!isBodyError(error)) throw error;
    const code = { "too-large": "PAYLOAD_TOO_LARGE", "unsupported-media-type": "UNSUPPORTED_MEDIA_TYPE", malformed: "BAD_REQUEST" }[error.problem];
    throw new HttpFailure(error.status, code, error.message);
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpFailure(400, "BAD_REQUEST", "The request body must be a JSON object with a query.");
  }
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== "string" || query.trim() === "") throw new HttpFailure(400, "BAD_REQUEST", "The request has no query.");
  if (operationName != null && typeof operationName !== "string") throw new HttpFailure(400, "BAD_REQUEST", "operationName must be a string.");
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) {
    throw new HttpFailure(400, "BAD_REQUEST", "variables must be a JSON object.");
  }
  if (hasNul(variables)) throw new HttpFailure(400, "BAD_REQUEST", "The variables contain a NUL character.");
  return { query, operationName: operationName ?? null, variables: (variables as Record<string, unknown>) ?? null };
}

/** Our errors keep their code; any other error is a bug: logged with an id, never shown. */
function format(error: GraphQLError, fallback: IndeedErrorCode): GraphQLFormattedError {
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError)) {
    const id = logUnexpected(original, { route: "POST /indeed/graphql", path: error.path });
    return { message: `The request failed unexpectedly (reference ${id}).`, path: error.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  const formatted = error.toJSON();
  return { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? fallback } };
}

export async function graphqlEndpoint(request: Request, options: EndpointOptions = {}): Promise<Response> {
  try {
    if (request.method !== "POST") {
      throw new HttpFailure(405, "METHOD_NOT_ALLOWED", "Send GraphQL requests with POST.", { Allow: "POST" });
    }
    const body = await readGraphqlRequest(request);
    const now = options.now?.() ?? new Date();
    let clientId: string;
    try {
      clientId = await authenticate(request);
    } catch (error) {
      if (error instanceof Unauthenticated) return failure("UNAUTHENTICATED", error.message);
      throw error;
    }
    const admission = await admit(clientId, options.perMinute ?? env().INDEED_GRAPHQL_RATE_LIMIT, now);
    if (!admission) return failure("UNAUTHENTICATED", "The app of this access token no longer exists.");
    if (!admission.admitted) {
      const retry = String(admission.retryAfterS);
      return failure("RATE_LIMITED", `Too many requests: retry in ${retry} s.`, 429, { "Retry-After": retry });
    }

    const checked = checkedDocument(body.query);
    if (!checked.ok) {
      if (checked.stage === "nul") return failure("BAD_USER_INPUT", "A string in the query contains a NUL character.");
      const fallback = checked.stage === "parse" ? "GRAPHQL_PARSE_FAILED" : "GRAPHQL_VALIDATION_FAILED";
      return answer({ errors: checked.errors.map((e) => format(e, fallback)) });
    }
    const { document } = checked;
    const schema = indeedSchema();

    const { caller } = admission;
    const context: GraphqlContext = {
      caller,
      now,
      request: { operationName: body.operationName, query: body.query, variables: body.variables },
      employerIdType: async () => caller.employerIdType ?? (caller.employerIdType = await ensureEmployerIdType(caller.partnerId)),
    };
    const result: ExecutionResult = await execute({
      schema,
      document,
      rootValue,
      contextValue: context,
      variableValues: body.variables,
      operationName: body.operationName,
    });
    // Errors before execution (variables that do not fit their types, an ambiguous operation)
    // come back without data: they are the client's input.
    if (result.errors?.some((e) => isDatabaseUnavailable(e.originalError))) return unavailable();
    const fallback: IndeedErrorCode = result.data === undefined ? "BAD_USER_INPUT" : "INTERNAL_SERVER_ERROR";
    return answer({ data: result.data, errors: result.errors?.map((e) => format(e, fallback)) });
  } catch (error) {
    if (error instanceof HttpFailure) return failure(error.code, error.message, error.status, error.headers);
    if (isDatabaseUnavailable(error)) return unavailable();
    const id = logUnexpected(error, { route: "POST /indeed/graphql" });
    return failure("INTERNAL_SERVER_ERROR", `The request failed unexpectedly (reference ${id}).`, 500);
  }
}
