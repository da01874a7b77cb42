import "server-only";
// Sends one operation of the testing tool as a partner's backend would: a client-credentials
// token with the app's oldest active secret (read and used on the server only), then the GraphQL
// POST with that token, to the chosen target (lib/token-tool/targets.ts):
// - this console's emulator (the default): dispatched in-process to the same route handlers;
// - the real Indeed (apis.indeed.com) or a custom base URL: through outboundFetch with the token
//   tool's deadline, its failure (DNS, connection refused, timeout, TLS) said in plain words.
// Both go through the token tool's transport, and the page is shown the exchanges masked as the
// token tool masks them (the secret and the token hidden; `Copy as curl` with shell variables).
import { graphqlEndpoint } from "../providers/indeed/graphql/endpoint";
import type { IndeedApi } from "../provisioning/indeed-apis";
import { tokenEndpoint } from "../providers/indeed/token-endpoint";
import { secretForTestRequest } from "../data/indeed-graphql-testing";
import type { SessionUser } from "../data/users";
import { maskExchange, toCurl, type Exchange, type KnownValue } from "../token-tool/exchange";
import { indeedEndpoints, targetLabel, type Target, type TargetKind } from "../token-tool/targets";
import { createTransport, TransportError, type RouteTable } from "../token-tool/transport";

export type ShownExchange = Exchange & { curl: string };

export interface TestSendResult {
  secretLabel: string;
  employerId: string | null;
  /** Where the requests went, in words. */
  target: string;
  token: ShownExchange;
  graphql: ShownExchange | null;
  /** Why no GraphQL answer came, in plain words (an unreachable target, a refused token). */
  failure: string | null;
}

export interface TestSendInput {
  appId: string;
  api: IndeedApi;
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
  employerId: string | null;
  target: TargetKind;
  /** The custom target's base URL (its GraphQL endpoint is `<base>/graphql`). */
  baseUrl: string | null;
}

const ROUTES: RouteTable = {
  "POST /indeed/oauth/v2/tokens": tokenEndpoint,
  "POST /indeed/graphql": graphqlEndpoint,
};

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function shown(exchange: Exchange, known: KnownValue[]): ShownExchange {
  const masked = maskExchange(exchange, known);
  const response = masked.response ? { ...masked.response, body: pretty(masked.response.body) } : null;
  return { ...masked, response, curl: toCurl(exchange.request, known) };
}

export async function sendTestOperation(user: SessionUser, origin: string, input: TestSendInput): Promise<TestSendResult> {
  const { clientId, secret } = await secretForTestRequest(user, input.appId, input.api);
  const target: Target = { kind: input.target, base: input.target === "emulator" ? origin : (input.baseUrl ?? "") };
  const endpoints = indeedEndpoints(target);
  const http = createTransport({ target, routes: ROUTES });
  const known: KnownValue[] = [{ value: secret.value, kind: "secret", variable: "CLIENT_SECRET", shown: `the secret “${secret.label}”`, clientId }];
  const form = new URLSearchParams({ grant_type: "client_credentials", scope: "employer_access" });
  if (input.employerId) form.set("employer", input.employerId);
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret.value)}`).toString("base64")}`;

  const result = (failure: string | null): TestSendResult => {
    const [token, graphql] = http.exchanges.map((e) => shown(e, known));
    return { secretLabel: secret.label, employerId: input.employerId, target: targetLabel(input.target, "indeed"), token: token!, graphql: graphql ?? null, failure };
  };

  try {
    http.label("Token request");
    const tokenResponse = await http.fetch(endpoints.token, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: basic },
      body: form.toString(),
    });
    const tokenBody = (await tokenResponse.json().catch(() => null)) as { access_token?: unknown; error?: unknown; error_description?: unknown } | null;
    const accessToken = typeof tokenBody?.access_token === "string" ? tokenBody.access_token : null;
    if (tokenResponse.status !== 200 || !accessToken) {
      const said = typeof tokenBody?.error === "string" ? `: ${tokenBody.error}${typeof tokenBody.error_description === "string" ? ` (${tokenBody.error_description})` : ""}` : "";
      return result(`The token request failed (HTTP ${tokenResponse.status})${said}; see its exchange below.`);
    }
    known.push({ value: accessToken, kind: "token", variable: "ACCESS_TOKEN" });
    http.label("GraphQL request");
    await http.fetch(endpoints.graphql, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: input.query, operationName: input.operationName, variables: input.variables }),
    });
    return result(null);
  } catch (error) {
    if (error instanceof TransportError) return result(error.message);
    throw error;
  }
}
