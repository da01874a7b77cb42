import "server-only";
// Indeed's client credentials flow, as a partner's backend runs it: a token for the app (scope,
// optionally an employer, Basic or body authentication), then appinfo (the employers of the
// app's owner), then a token for one of those employers, whose `emp` names it.
import * as oauth from "oauth4webapi";
import { z } from "zod";
import { indeedClientCredentials } from "../../data/token-tool";
import { step, type FlowDefinition, type KeptToken, type StepContext } from "../flow";
import type { JwtReport } from "../jwt";
import { CLIENT_AUTH_FIELD, clientAuth, clientAuthInput, discoveryStep, employerFact, expiry, keepToken, serverOf } from "./common";
import { indeedRoutes } from "./routes";

const EMPLOYER_ID = /^[0-9a-f]{32}$/;

const scopeInput = z
  .string()
  .trim()
  .max(500, "The scope is longer than 500 characters.")
  .regex(/^[\x21\x23-\x5b\x5d-\x7e ]*$/, "A scope is space-separated words of printable characters (no quotes or backslashes).");

async function clientCredentialsToken(
  context: StepContext,
  { scope, employer, auth }: { scope: string; employer: string; auth: "basic" | "post" },
  vaultName: string,
): Promise<{ tokens: oauth.TokenEndpointResponse; report: JwtReport | null; kept: KeptToken }> {
  const server = serverOf(context);
  const client: oauth.Client = { client_id: context.run.clientId };
  const parameters: Record<string, string> = {};
  if (scope) parameters.scope = scope;
  if (employer) parameters.employer = employer;
  context.http.label("Token request (client credentials)");
  const response = await oauth.clientCredentialsGrantRequest(server, client, await clientAuth(context, auth), parameters, context.http.options);
  const tokens = await oauth.processClientCredentialsResponse(server, client, response);
  const { report, kept } = await keepToken(context, vaultName, tokens.access_token, expiry(tokens.expires_in));
  return { tokens, report, kept };
}

function tokenFacts(tokens: oauth.TokenEndpointResponse, report: JwtReport | null): [string, string][] {
  return [
    ["Token type", tokens.token_type],
    ["Expires in", tokens.expires_in === undefined ? "(not said)" : `${tokens.expires_in} s`],
    ["Scope granted", tokens.scope ?? "(not said)"],
    ["Employer (emp)", employerFact(report?.claims)],
  ];
}

const tokenStep = step({
  key: "token",
  title: "Get an app token",
  description: "POST to the token endpoint with grant_type=client_credentials, authenticated with the app’s secret.",
  after: ["discovery"],
  fields: [
    { name: "scope", label: "Scope", kind: "text", initial: "employer_access", help: "Space-separated. employer_access lets the token call appinfo and ask for an employer." },
    { name: "employer", label: "Employer id (optional)", kind: "text", initial: "", help: "32 hexadecimal characters; leave empty for a token for the app itself." },
    CLIENT_AUTH_FIELD,
  ],
  input: z.object({
    scope: scopeInput,
    employer: z
      .string()
      .trim()
      .refine((v) => v === "" || EMPLOYER_ID.test(v), "An Indeed employer id is 32 lower-case hexadecimal characters."),
    auth: clientAuthInput,
  }),
  async run(context, input) {
    const { tokens, report, kept } = await clientCredentialsToken(context, input, "access_token");
    return {
      ok: true,
      message: `Got an access token for ${input.employer ? "the employer" : "the app"}, valid for ${tokens.expires_in ?? "an unstated number of"} seconds.`,
      facts: tokenFacts(tokens, report),
      tokens: report ? [report] : [],
      kept: [kept],
    };
  },
});

const appinfoStep = step({
  key: "appinfo",
  title: "Call appinfo",
  description: "GET appinfo with the app token: the employers the app’s owner can act for.",
  after: ["discovery", "token"],
  fields: [],
  input: z.object({}),
  async run(context) {
    const server = serverOf(context);
    const token = await context.vault.get("access_token");
    if (!token) return { ok: false, message: "The app token has expired or was never issued: run “Get an app token” again." };
    context.http.label("appinfo");
    const response = await oauth.protectedResourceRequest(token, "GET", new URL(server.appinfo_endpoint), new Headers({ accept: "application/json" }), null, context.http.options);
    const body = (await response.json().catch(() => null)) as { employers?: { id?: unknown; name?: unknown }[] } | null;
    if (response.status !== 200 || !body || !Array.isArray(body.employers)) {
      return { ok: false, message: `appinfo answered HTTP ${response.status} without a list of employers.` };
    }
    const employers = body.employers
      .filter((e): e is { id: string; name: string } => typeof e.id === "string" && typeof e.name === "string")
      .map((e) => ({ value: e.id, label: `${e.name} (${e.id})` }));
    return {
      ok: true,
      message: employers.length === 0 ? "appinfo lists no employers: the app’s owner has none to act for." : `appinfo lists ${employers.length} employer${employers.length === 1 ? "" : "s"}.`,
      facts: employers.map((e): [string, string] => ["Employer", e.label]),
      data: { employers },
    };
  },
});

const employerTokenStep = step({
  key: "employer-token",
  title: "Get an employer token",
  description: "The client credentials grant again, with employer=<one of appinfo’s employers>: the token’s emp claim names that employer.",
  after: ["discovery", "appinfo"],
  fields: [
    { name: "employer", label: "Employer", kind: "select", optionsFrom: { step: "appinfo", key: "employers" } },
    { name: "scope", label: "Scope", kind: "text", initial: "employer_access" },
    CLIENT_AUTH_FIELD,
  ],
  input: z.object({
    employer: z.string().trim().regex(EMPLOYER_ID, "Choose one of the employers appinfo listed."),
    scope: scopeInput,
    auth: clientAuthInput,
  }),
  async run(context, input) {
    const listed = (context.earlier.appinfo?.employers ?? []) as { value: string }[];
    if (!listed.some((e) => e.value === input.employer)) return { ok: false, message: "Choose one of the employers appinfo listed." };
    const { tokens, report, kept } = await clientCredentialsToken(context, input, "employer_access_token");
    const emp = report?.claims.emp;
    return {
      ok: emp === input.employer,
      message:
        emp === input.employer
          ? `Got a token for employer ${input.employer}: its emp claim names it.`
          : `The token’s emp claim is ${typeof emp === "string" ? emp : "missing"}, not the employer asked for (${input.employer}).`,
      facts: tokenFacts(tokens, report),
      tokens: report ? [report] : [],
      kept: [kept],
    };
  },
});

export const indeedClientCredentialsFlow: FlowDefinition = {
  id: "indeed.client-credentials",
  provider: "indeed",
  title: "Indeed client credentials",
  description: "A 2-legged token for the app, the employers it may act for (appinfo), and a token for one employer.",
  steps: [discoveryStep, tokenStep, appinfoStep, employerTokenStep],
  credentials: indeedClientCredentials,
  routes: indeedRoutes,
};
