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

export interface Exchange {
  request: { method: string; url: string; headers: [string, string][]; body: string };
  response: { status: number; headers: [string, string][]; body: string };
}

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

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function exchange(request: Request, body: string, handler: (r: Request) => Promise<Response>, hide?: (name: string, value: string) => string): Promise<Exchange> {
  const shown = { method: request.method, url: request.url, headers: [...request.headers].map(([k, v]): [string, string] => [k, hide ? hide(k, v) : v]), body };
  const response = await handler(request);
  return { request: shown, response: { status: response.status, headers: [...response.headers], body: pretty(await response.text()) } };
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
  const token = await exchange(tokenRequest, form.toString(), tokenEndpoint, (name, value) =>
    name === "authorization" ? `Basic (client id and the secret “${secret.label}”, hidden)` : value,
  );
  let accessToken: string | undefined;
  try {
    accessToken = (JSON.parse(token.response.body) as { access_token?: string }).access_token;
  } catch {
    accessToken = undefined;
  }
  if (token.response.status !== 200 || !accessToken) {
    return { secretLabel: secret.label, employerId: input.employerId, token, graphql: null, curl: null };
  }
  const body = JSON.stringify({ query: input.query, operationName: input.operationName, variables: input.variables });
  const graphqlUrl = `${origin}/indeed/graphql`;
  const graphqlRequest = new Request(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${accessToken}` },
    body,
  });
  const graphql = await exchange(graphqlRequest, JSON.stringify(JSON.parse(body), null, 2), graphqlEndpoint);
  const curl = [
    `curl -sS ${shellQuote(graphqlUrl)}`,
    `  -H ${shellQuote("Content-Type: application/json")}`,
    `  -H ${shellQuote(`Authorization: Bearer ${accessToken}`)}`,
    `  --data-binary ${shellQuote(body)}`,
  ].join(" \\\n");
  return { secretLabel: secret.label, employerId: input.employerId, token, graphql, curl };
}
