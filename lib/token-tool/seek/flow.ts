import "server-only";
// SEEK's partner and browser token flow, as a partner's backend runs it: a partner token (the
// credential's environment names the audience), a GraphQL query with it, a browser token for
// one of the partner's hirers with chosen scopes, and a query with that. Tokens are reused from
// the run's cache until a minute before they expire; an UNAUTHENTICATED answer gets a new token
// and one retry, a FORBIDDEN none (lib/token-tool/seek/rules.ts, docs/decisions/038).
import { z } from "zod";
import { SEEK_HIRER_SCHEMES } from "../../credentials/seek";
import { BROWSER_TOKEN_SCOPES } from "../../providers/seek/environments";
import { seekTokenToolCredentials } from "../../data/seek-token-tool";
import { choiceField } from "../choice-field";
import { step, type FlowDefinition, type KeptToken, type StepContext, type StepField, type StepResult } from "../flow";
import type { JwtReport } from "../jwt";
import { graphqlErrorCodes, graphqlRetry } from "./rules";
import { seekRoutes } from "./routes";
import { browserToken, environmentLabel, partnerHirers, partnerToken, seekRun, tracing, type Acquired, type SeekRun } from "./tokens";

export const PRESETS = {
  version: "query {\n  version\n}",
  self: "query {\n  self {\n    partner { name credentialSelfServiceApprovedIndicator }\n    hirer { id { value } name }\n  }\n}",
  hiringOrganizations:
    "query ($schemeId: String!) {\n  hiringOrganizations(schemeId: $schemeId, first: 10) {\n    edges { node { id { value } name seekApiCapabilities { relationshipTypeCodes } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}",
} as const;

const MAX_QUERY_LENGTH = 10_000;
const MAX_VARIABLES_LENGTH = 10_000;

const { field: CACHE_FIELD, input: cacheInput } = choiceField(
  "cache",
  "Token cache",
  { use: "Reuse the cached token while it is valid", renew: "Request a new token" },
  "use",
  "Choose whether to reuse the cached token.",
);

const presetChoice = choiceField(
  "preset",
  "Query",
  {
    version: "version: the API version",
    self: "self: the partner (and a browser token’s hirer)",
    hiringOrganizations: "hiringOrganizations: the hirers of this environment",
    custom: "My own query (below)",
  },
  "version",
  "Choose a query.",
);

const QUERY_FIELDS: StepField[] = [
  presetChoice.field,
  { name: "query", label: "Your own query", kind: "textarea", initial: "", help: "Used when the query above is “My own query”." },
  { name: "variables", label: "Variables (JSON, optional)", kind: "textarea", initial: "", help: "A JSON object, for your own query." },
];

const queryInput = z
  .object({
    preset: presetChoice.input,
    query: z.string().max(MAX_QUERY_LENGTH, `The query is longer than ${MAX_QUERY_LENGTH} characters.`).default(""),
    variables: z.string().max(MAX_VARIABLES_LENGTH, `The variables are longer than ${MAX_VARIABLES_LENGTH} characters.`).default(""),
  })
  .superRefine((value, issues) => {
    if (value.preset !== "custom") return;
    if (value.query.trim() === "") issues.addIssue({ code: "custom", path: ["query"], message: "Write the query, or choose one of the presets." });
    if (value.variables.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.variables);
    } catch {
      issues.addIssue({ code: "custom", path: ["variables"], message: "The variables are not valid JSON." });
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      issues.addIssue({ code: "custom", path: ["variables"], message: "The variables must be a JSON object." });
    }
  });

function operation(seek: SeekRun, input: z.output<typeof queryInput>): { query: string; variables?: Record<string, unknown> } {
  if (input.preset === "custom") {
    return { query: input.query, ...(input.variables.trim() ? { variables: JSON.parse(input.variables) as Record<string, unknown> } : {}) };
  }
  if (input.preset === "hiringOrganizations") return { query: PRESETS.hiringOrganizations, variables: { schemeId: SEEK_HIRER_SCHEMES[seek.environment] } };
  return { query: PRESETS[input.preset] };
}

function acquiredFacts(label: string, got: Acquired[]): [string, string][] {
  return got.map((g, i): [string, string] => [got.length > 1 ? `${label} (${i + 1})` : label, g.note]);
}

function reports(got: Acquired[]): { tokens: JwtReport[]; kept: KeptToken[] } {
  return {
    tokens: got.flatMap((g) => (g.report ? [g.report] : [])),
    kept: got.flatMap((g) => (g.kept ? [g.kept] : [])),
  };
}

interface GraphqlAnswer {
  status: number;
  body: unknown;
}

async function postGraphql(context: StepContext, seek: SeekRun, token: string, op: { query: string; variables?: Record<string, unknown> }, label: string): Promise<GraphqlAnswer> {
  context.http.label(label);
  const response = await context.http.fetch(seek.endpoints.graphql, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json", ...tracing(seek) },
    body: JSON.stringify(op),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

function firstError(body: unknown): { code: string; message: string; path: string } | null {
  const errors = (body as { errors?: { message?: unknown; path?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  if (!first) return null;
  return {
    code: typeof first.extensions?.code === "string" ? first.extensions.code : "(no code)",
    message: typeof first.message === "string" ? first.message : "",
    path: Array.isArray(first.path) ? first.path.join(".") : "",
  };
}

/**
 * Runs a query with a token, retrying once with a new token on UNAUTHENTICATED (never on
 * FORBIDDEN). `acquire` gets the token (renew: skip the cache), recording how in `got`.
 */
async function queryWithRetry(
  context: StepContext,
  seek: SeekRun,
  input: z.output<typeof queryInput>,
  tokenName: string,
  acquire: (renew: boolean, why?: string) => Promise<Acquired>,
): Promise<{ answer: GraphqlAnswer; attempts: number; retryNote: string | null }> {
  const op = operation(seek, input);
  let token = (await acquire(false)).token;
  let retryNote: string | null = null;
  for (let attempt = 1; ; attempt++) {
    const answer = await postGraphql(context, seek, token, op, `GraphQL with the ${tokenName} (attempt ${attempt}${attempt > 1 ? ", the one retry" : ""})`);
    const decision = answer.status === 200 ? graphqlRetry(answer.body, attempt) : { retry: false as const, reason: null };
    if (decision.reason) retryNote = retryNote ? `${retryNote} ${decision.reason}` : decision.reason;
    if (!decision.retry) return { answer, attempts: attempt, retryNote };
    token = (await acquire(true, "the query was answered UNAUTHENTICATED")).token;
  }
}

function queryResult(seek: SeekRun, run: { answer: GraphqlAnswer; attempts: number; retryNote: string | null }, facts: [string, string][], got: Acquired[]): StepResult {
  const { answer, attempts, retryNote } = run;
  const allFacts: [string, string][] = [...facts, ["Environment", environmentLabel(seek)], ["Attempts", String(attempts)], ...(retryNote ? [["Retry", retryNote] as [string, string]] : [])];
  const tokenReports = reports(got);
  if (answer.status !== 200 || answer.body === null) {
    return { ok: false, message: `The GraphQL endpoint answered HTTP ${answer.status}${answer.body === null ? " without a JSON body" : ""}.`, facts: allFacts, ...tokenReports };
  }
  const codes = graphqlErrorCodes(answer.body);
  const error = firstError(answer.body);
  if (!error) {
    return { ok: true, message: attempts > 1 ? "The query answered without errors on its one retry, with a new token." : "The query answered without errors.", facts: allFacts, ...tokenReports };
  }
  return {
    ok: false,
    message: `The query answered ${codes.join(", ")}${error.path ? ` at ${error.path}` : ""}: ${error.message}${attempts > 1 ? " (after the one retry with a new token)" : ""}.`,
    providerError: { error: error.code, ...(error.message ? { error_description: error.message } : {}) },
    facts: [...allFacts, ["Error codes", codes.join(", ")]],
    ...tokenReports,
  };
}

const partnerTokenStep = step({
  key: "partner-token",
  title: "Get a partner token",
  description:
    "POST SEEK’s JSON client credentials request (audience, client_id, client_secret) to the partner token endpoint; the audience is the secret’s environment’s. A cached token is reused until a minute before it expires.",
  fields: [CACHE_FIELD],
  input: z.object({ cache: cacheInput }),
  async run(context, input) {
    const seek = await seekRun(context);
    const got = await partnerToken(context, seek, { renew: input.cache === "renew", ...(input.cache === "renew" ? { why: "a new token was asked for" } : {}) });
    const hirers = await partnerHirers(seek);
    return {
      ok: true,
      message: got.cache === "hit" ? "Cache hit: the partner token obtained earlier is still valid and reused." : "Cache miss: got a new partner token.",
      facts: [["Environment", environmentLabel(seek)], ["Audience", seek.audience], ["Client id", seek.clientId], ...acquiredFacts("Partner token", [got]), ["Hirers with a relationship", String(hirers.length)]],
      ...reports([got]),
      data: { hirers },
    };
  },
});

const partnerQueryStep = step({
  key: "partner-query",
  title: "Query GraphQL with the partner token",
  description: "POST a GraphQL operation with the partner token as Bearer. UNAUTHENTICATED gets a new partner token and one retry; FORBIDDEN is never retried.",
  fields: QUERY_FIELDS,
  input: queryInput,
  async run(context, input) {
    const seek = await seekRun(context);
    const got: Acquired[] = [];
    const run = await queryWithRetry(context, seek, input, "partner token", async (renew, why) => {
      const acquired = await partnerToken(context, seek, { renew, ...(why ? { why } : {}) });
      got.push(acquired);
      return acquired;
    });
    return queryResult(seek, run, acquiredFacts("Partner token", got), got);
  },
});

const browserInput = z.object({
  hirer: z.string().min(1, "Choose a hirer: run “Get a partner token” to list the partner’s hirers.").max(255, "A hirer id has at most 255 characters."),
  scopes: z
    .string()
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .refine((scopes) => scopes.length > 0, "Choose at least one scope.")
    .refine((scopes) => scopes.every((s) => (BROWSER_TOKEN_SCOPES as readonly string[]).includes(s)), "Choose scopes among SEEK’s browser token scopes."),
  userId: z
    .string()
    .trim()
    .min(1, "Enter the anonymous id of your end user.")
    .max(255, "The user id has at most 255 characters.")
    .regex(/^[\x21-\x7e]+$/, "The user id is printable characters without spaces (an anonymous id, no personal data)."),
  cache: cacheInput,
});

const browserTokenStep = step({
  key: "browser-token",
  title: "Get a browser token",
  description:
    "POST the hirer, the scopes and your user’s anonymous id to the browser token endpoint, with the partner token as Bearer. Cached per hirer and scope set until a minute before it expires.",
  after: ["partner-token"],
  fields: [
    { name: "hirer", label: "Hirer", kind: "select", optionsFrom: { step: "partner-token", key: "hirers" }, help: "The hirers the partner has a relationship with, in the secret’s environment." },
    { name: "scopes", label: "Scopes", kind: "checkboxes", options: BROWSER_TOKEN_SCOPES.map((s) => ({ value: s, label: s })), initial: "query:organizations" },
    { name: "userId", label: "User id", kind: "text", initial: "tester-1", help: "Your software’s anonymous id for its end user (no personal data)." },
    CACHE_FIELD,
  ],
  input: browserInput,
  async run(context, input) {
    const seek = await seekRun(context);
    const partner: Acquired[] = [];
    const got = await browserToken(context, seek, { hirerId: input.hirer, scopes: input.scopes, userId: input.userId }, { renew: input.cache === "renew", ...(input.cache === "renew" ? { why: "a new token was asked for" } : {}) }, partner);
    return {
      ok: true,
      message: got.cache === "hit" ? "Cache hit: the browser token for this hirer and scope set is still valid and reused." : "Cache miss: got a new browser token.",
      facts: [["Environment", environmentLabel(seek)], ["Hirer", input.hirer], ["Scopes", input.scopes.join(" ")], ...acquiredFacts("Browser token", [got]), ...acquiredFacts("Partner token", partner)],
      ...reports([got, ...partner]),
      data: { hirer: input.hirer, scopes: input.scopes, userId: input.userId },
    };
  },
});

const browserQueryStep = step({
  key: "browser-query",
  title: "Query GraphQL with the browser token",
  description: "The same with the browser token: it sees only its hirer, and only what its scopes open. UNAUTHENTICATED gets a new browser token and one retry; FORBIDDEN is never retried.",
  after: ["browser-token"],
  fields: QUERY_FIELDS.map((f) => (f.name === "preset" ? { ...f, initial: "self" } : f)),
  input: queryInput,
  async run(context, input) {
    const seek = await seekRun(context);
    const chosen = context.earlier["browser-token"] as { hirer: string; scopes: string[]; userId: string };
    const got: Acquired[] = [];
    const partner: Acquired[] = [];
    const run = await queryWithRetry(context, seek, input, "browser token", async (renew, why) => {
      const acquired = await browserToken(context, seek, { hirerId: chosen.hirer, scopes: chosen.scopes, userId: chosen.userId }, { renew, ...(why ? { why } : {}) }, partner);
      got.push(acquired);
      return acquired;
    });
    return queryResult(seek, run, [["Hirer", chosen.hirer], ...acquiredFacts("Browser token", got), ...acquiredFacts("Partner token", partner)], [...got, ...partner]);
  },
});

export const seekPartnerFlow: FlowDefinition = {
  id: "seek.partner-browser",
  provider: "seek",
  title: "SEEK partner and browser tokens",
  description: "A partner token, GraphQL with it, a browser token for one of the partner’s hirers, and GraphQL with that; tokens cached as SEEK asks, UNAUTHENTICATED retried once.",
  steps: [partnerTokenStep, partnerQueryStep, browserTokenStep, browserQueryStep],
  credentials: seekTokenToolCredentials,
  routes: seekRoutes,
};
