import "server-only";
// POST /seek/graphql: SEEK's GraphQL endpoint on graphql-js. JSON in, `application/json;
// charset=utf-8` out. Requests that are no GraphQL request (wrong media type, malformed or
// oversized JSON, a query that does not parse or validate) get 400/413/415 with `errors`, as
// GraphQL servers answer them; an executed query always gets 200, and a failed authentication
// or authorization is an error of the field that needed it: `errors[].extensions.code`
// UNAUTHENTICATED or FORBIDDEN, as SEEK answers. See docs/decisions/022.
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import { seekGraphSource, type SeekCredential } from "../store";
import { BodyError, readJson } from "../../../http/read-body";
import { logUnexpected } from "../../../log";
import { isDatabaseUnavailable, noteDatabaseUnavailable, RETRY_AFTER } from "../../../db-unavailable";
import { authenticateBearer } from "../authenticate";
import { recordRequest, tracingHeaders } from "../records";
import { seekIssuer } from "../tokens";
import { isSeekError } from "./errors";
import { SEEK_SCHEMA, type SeekGraphContext } from "./schema";

export const MAX_GRAPHQL_BODY_BYTES = 64 * 1024;
/** Fields per document: aliases could otherwise repeat a database read without bound. */
export const MAX_FIELDS = 300;
/** Root fields per operation: each one reads the database. */
export const MAX_ROOT_FIELDS = 20;

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } as const;

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

/** A request that is no executable GraphQL request: its own status, no `data`. */
class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: readonly GraphQLFormattedError[],
  ) {
    super(message);
  }
}

interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

async function readRequest(request: Request): Promise<GraphQLRequest> {
  let body: unknown;
  try {
    body = await readJson(request, { maxBytes: MAX_GRAPHQL_BODY_BYTES });
  } catch (error) {
    if (error instanceof BodyError) throw new RequestRefused(error.status, "BAD_REQUEST", error.message);
    throw error;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RequestRefused(400, "BAD_REQUEST", "The request body must be a JSON object with a query.");
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string" || query.trim() === "") throw new RequestRefused(400, "BAD_REQUEST", "The request has no query string.");
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) {
    throw new RequestRefused(400, "BAD_REQUEST", "variables must be a JSON object.");
  }
  if (operationName != null && typeof operationName !== "string") {
    throw new RequestRefused(400, "BAD_REQUEST", "operationName must be a string.");
  }
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: operationName ?? undefined,
  };
}

function checkSize(document: DocumentNode) {
  let fields = 0;
  visit(document, {
    Field() {
      fields += 1;
    },
  });
  const rootFields = Math.max(
    0,
    ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? d.selectionSet.selections.length : 0)),
  );
  if (fields > MAX_FIELDS || rootFields > MAX_ROOT_FIELDS) {
    throw new RequestRefused(400, "GRAPHQL_VALIDATION_FAILED", `Queries may select at most ${MAX_FIELDS} fields and ${MAX_ROOT_FIELDS} root fields.`);
  }
}

function parseAndValidate(query: string): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch (error) {
    if (error instanceof GraphQLError) {
      throw new RequestRefused(400, "GRAPHQL_PARSE_FAILED", error.message, [{ ...error.toJSON(), extensions: { code: "GRAPHQL_PARSE_FAILED" } }]);
    }
    throw error;
  }
  checkSize(document);
  const errors = validate(SEEK_SCHEMA, document, specifiedRules);
  if (errors.length > 0) {
    throw new RequestRefused(
      400,
      "GRAPHQL_VALIDATION_FAILED",
      errors[0]!.message,
      errors.map((e) => ({ ...e.toJSON(), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })),
    );
  }
  return document;
}

/** SEEK's own errors pass as they are; anything else is logged and masked (never a stack or SQL). */
function formatError(error: GraphQLError, route: string): GraphQLFormattedError {
  if (isSeekError(error.originalError) || (!error.originalError && error.extensions.code === undefined)) {
    const formatted = error.toJSON();
    return error.originalError ? formatted : { ...formatted, extensions: { code: "BAD_USER_INPUT" } };
  }
  if (error.originalError instanceof GraphQLError && !error.originalError.originalError) {
    // Coercion errors of variables and arguments (graphql-js's own): invalid input.
    return { ...error.toJSON(), extensions: { code: "BAD_USER_INPUT" } };
  }
  const id = logUnexpected(error.originalError ?? error, { route });
  return { message: `Unexpected error (reference ${id})`, locations: error.locations, path: error.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

export async function graphqlEndpoint(request: Request, now = new Date()): Promise<Response> {
  const route = "POST /seek/graphql";
  const started = { endpoint: "GRAPHQL" as const, at: now, ...tracingHeaders(request) };
  let credential: SeekCredential | null = null;
  let hirerId: string | null = null;
  let operation: string | null = null;
  let status = 200;
  let body: ExecutionResult | { errors: readonly GraphQLFormattedError[] };
  try {
    const auth = await authenticateBearer(request, seekIssuer(request), now);
    credential = auth.credential;
    if (auth.ok && auth.token.kind === "browser") hirerId = auth.token.hirerId;
    const { query, variables, operationName } = await readRequest(request);
    operation = operationName ?? null;
    const document = parseAndValidate(query);
    const context: SeekGraphContext = auth.ok
      ? {
          authenticated: true,
          caller:
            auth.token.kind === "partner"
              ? { kind: "partner", environment: auth.token.environment }
              : { kind: "browser", environment: auth.token.environment, hirerId: auth.token.hirerId, scopes: auth.token.scopes },
          source: seekGraphSource(auth.credential.partnerId, auth.token.environment),
        }
      : { authenticated: false, message: auth.message };
    const result = await execute({ schema: SEEK_SCHEMA, document, variableValues: variables, operationName, contextValue: context });
    if (result.errors?.some((e) => isDatabaseUnavailable(e.originalError))) throw result.errors.find((e) => isDatabaseUnavailable(e.originalError))!.originalError;
    body = result.errors ? { ...result, errors: result.errors.map((e) => formatError(e, route)) } : result;
  } catch (error) {
    if (error instanceof RequestRefused) {
      status = error.status;
      body = { errors: error.errors ?? [{ message: error.message, extensions: { code: error.code } }] };
    } else if (isDatabaseUnavailable(error)) {
      // Temporary: 503 with Retry-After in GraphQL's error shape (docs/decisions/024).
      noteDatabaseUnavailable();
      status = 503;
      body = { errors: [{ message: "The API is temporarily unavailable. Try again in a moment.", extensions: { code: "SERVICE_UNAVAILABLE" } }] };
    } else {
      status = 500;
      const id = logUnexpected(error, { route });
      body = { errors: [{ message: `Unexpected error (reference ${id})`, extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
    }
  }
  const errors = body.errors as readonly GraphQLFormattedError[] | undefined;
  const first = errors?.[0];
  const code = first?.extensions?.code;
  await recordRequest(
    {
      ...started,
      credential,
      hirerId,
      operationName: operation,
      httpStatus: status,
      errorCode: first ? (typeof code === "string" ? code : "ERROR") : null,
      errorMessage: first?.message ?? null,
    },
    route,
  );
  return status === 503 ? new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...RETRY_AFTER } }) : json(body, status);
}
