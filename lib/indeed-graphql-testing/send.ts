import "server-only";
// Sends one operation of the testing tool to the emulated GraphQL APIs as a partner's backend
// would: a client-credentials token from the emulator's token endpoint with the app's oldest active
// secret (read and used on the server only), then the GraphQL POST with that token. Both
// requests run through the real route handlers in this process, and the page is shown what went
// over the wire, the secret hidden.
import { graphqlEndpoint } from "../providers/indeed/graphql/endpoint";
import type { IndeedApi } from "../providers/indeed/graphql/gate";
import { tokenEndpoint } from "../providers/indeed/token-endpoint";
import { secretForTestRequest } from "../data/indeed-graphql-testing";
import type { SessionUser } from "../data/users";
import { maskExchange, toCurl, type Exchange as SharedExchange, type ExchangeResponse, type KnownValue } from "../token-tool/exchange";

/** Both of this tool's requests are answered in-process: an exchange always has its response. */
export type Exchange = SharedExchange & { response: ExchangeResponse };

export interface TestSendResult {
  secretLabel: string;
  employerId: string | null;
  token: Exchange;
  graphql: Exchange | null;
  curl: string | null;
}

export interface TestSendInput {
  appId: string;
  api: IndeedApi;
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
  employerId: string | null;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Sends the request to its handler and records both sides, masked (lib/token-tool/exchange.ts). */
async function exchange(request: Request, body: string, handler: (r: Request) => Promise<Response>, known: KnownValue[]): Promise<Exchange> {
  const started = performance.now();
  const raw = { method: request.method, url: request.url, headers: [...request.headers], body };
  const response = await handler(request);
  const text = await response.text();
  const durationMs = Math.round(performance.now() - started);
  const masked = maskExchange({ request: raw, response: { status: response.status, headers: [...response.headers], body: text }, durationMs }, known);
  return { ...masked, response: { ...masked.response!, body: pretty(masked.response!.body) } };
}

export async function sendTestOperation(user: SessionUser, origin: string, input: TestSendInput): Promise<TestSendResult> {
  const { clientId, secret } = await secretForTestRequest(user, input.appId, input.api);
  const form = new URLSearchParams({ grant_type: "client_credentials", scope: "employer_access" });
  if (input.employerId) form.set("employer", input.employerId);
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret.value)}`).toString("base64")}`;
  const tokenUrl = `${origin}/indeed/oauth/v2/tokens`;
  const tokenRequest = new Request(tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: basic },
    body: form.toString(),
  });
  const known: KnownValue[] = [{ value: secret.value, kind: "secret", variable: "CLIENT_SECRET", shown: `the secret “${secret.label}”` }];
  const tokenResponse = await tokenEndpoint(tokenRequest.clone());
  let accessToken: string | undefined;
  try {
    accessToken = ((await tokenResponse.clone().json()) as { access_token?: string }).access_token;
  } catch {
    accessToken = undefined;
  }
  if (accessToken) known.push({ value: accessToken, kind: "token", variable: "ACCESS_TOKEN" });
  const token = await exchange(tokenRequest, form.toString(), async () => tokenResponse, known);
  if (tokenResponse.status !== 200 || !accessToken) {
    return { secretLabel: secret.label, employerId: input.employerId, token, graphql: null, curl: null };
  }
  const body = JSON.stringify({ query: input.query, operationName: input.operationName, variables: input.variables });
  const graphqlUrl = `${origin}/indeed/graphql`;
  const graphqlRequest = new Request(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${accessToken}` },
    body,
  });
  const curl = toCurl({ method: "POST", url: graphqlUrl, headers: [...graphqlRequest.headers], body }, known);
  const graphql = await exchange(graphqlRequest, JSON.stringify(JSON.parse(body), null, 2), graphqlEndpoint, known);
  return { secretLabel: secret.label, employerId: input.employerId, token, graphql, curl };
}
