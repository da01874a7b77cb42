// The Indeed emulator's token-side endpoints driven by oauth4webapi as a strict standards
// client: discovery (issuer identical to the prefix it is fetched from), the JWKS, RFC 6749
// token errors and RFC 6750 userinfo challenges. The client credentials flow with a secret copied
// from the console is e2e/ui/indeed-client-credentials.spec.ts; every flow is also proven against
// the route handlers in lib/providers/indeed/*.int.test.ts.
import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";

const insecure = { [oauth.allowInsecureRequests]: true };

async function discover(baseURL: string) {
  const issuer = new URL(`${baseURL}/indeed`);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a rejection");
}

test("discovery names the issuer it is served under and Indeed's endpoints", async ({ baseURL }) => {
  const as = await discover(baseURL!);
  expect(as.issuer).toBe(`${baseURL}/indeed`);
  expect(as).toMatchObject({
    authorization_endpoint: `${baseURL}/indeed/oauth/v2/authorize`,
    token_endpoint: `${baseURL}/indeed/oauth/v2/tokens`,
    userinfo_endpoint: `${baseURL}/indeed/v2/api/userinfo`,
    jwks_uri: `${baseURL}/indeed/.well-known/keys`,
    id_token_signing_alg_values_supported: ["ES256"],
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
  });
});

test("the JWKS publishes ES256 public keys only", async ({ request }) => {
  const response = await request.get("/indeed/.well-known/keys");
  expect(response.status()).toBe(200);
  const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    expect(key).toEqual({ kty: "EC", crv: "P-256", x: expect.any(String), y: expect.any(String), kid: expect.any(String), alg: "ES256", use: "sig" });
  }
});

test("an unknown client gets invalid_client (401), with a Basic challenge when it used Basic", async ({ baseURL }) => {
  const as = await discover(baseURL!);
  const client = { client_id: "no-such-client" };
  const post = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost("nope"), { scope: "employer_access" }, insecure);
  expect(post.status).toBe(401);
  expect(post.headers.get("cache-control")).toBe("no-store");
  const error = await rejection(oauth.processClientCredentialsResponse(as, client, post));
  expect(error).toBeInstanceOf(oauth.ResponseBodyError);
  expect((error as oauth.ResponseBodyError).error).toBe("invalid_client");

  const basic = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic("nope"), {}, insecure);
  expect(basic.status).toBe(401);
  expect(basic.headers.get("www-authenticate")).toBe('Basic realm="indeed"');
  expect(await basic.json()).toMatchObject({ error: "invalid_client" });
});

test("token requests are refused the RFC 6749 way, never with a 500", async ({ request }) => {
  const form = (body: string, headers: Record<string, string> = {}) =>
    request.post("/indeed/oauth/v2/tokens", { data: body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
  const basic = `Basic ${Buffer.from("someone:secret").toString("base64")}`;
  const cases: [string, Awaited<ReturnType<typeof form>>, number, string][] = [
    ["Basic and a body secret", await form("grant_type=client_credentials&client_secret=x", { authorization: basic }), 400, "invalid_request"],
    ["an unknown grant type", await form("grant_type=password&client_id=x&client_secret=y"), 400, "unsupported_grant_type"],
    ["no grant type", await form("client_id=x"), 400, "invalid_request"],
    ["a duplicated parameter", await form("grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request"],
    ["a JSON body", await request.post("/indeed/oauth/v2/tokens", { data: { grant_type: "client_credentials" } }), 400, "invalid_request"],
    ["a malformed Basic header", await form("grant_type=client_credentials", { authorization: "Basic !!!" }), 401, "invalid_client"],
  ];
  for (const [what, response, status, error] of cases) {
    expect(response.status(), what).toBe(status);
    expect(response.headers()["cache-control"], what).toBe("no-store");
    expect(response.headers()["pragma"], what).toBe("no-cache");
    expect(await response.json(), what).toMatchObject({ error, error_description: expect.any(String) });
  }
});

test("userinfo answers RFC 6750 challenges", async ({ baseURL, request }) => {
  const none = await request.get("/indeed/v2/api/userinfo");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toBe('Bearer realm="indeed"');

  const as = await discover(baseURL!);
  const client = { client_id: "someone" };
  const response = await oauth.userInfoRequest(as, client, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", insecure);
  const error = await rejection(oauth.processUserInfoResponse(as, client, oauth.skipSubjectCheck, response));
  expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  const [challenge] = (error as oauth.WWWAuthenticateChallengeError).cause;
  expect(challenge).toMatchObject({ scheme: "bearer", parameters: { realm: "indeed", error: "invalid_token" } });

  const appinfo = await request.get("/indeed/v2/api/appinfo", { headers: { authorization: "Bearer not a token" } });
  expect(appinfo.status()).toBe(400);
  expect(appinfo.headers()["www-authenticate"]).toContain('error="invalid_request"');
});

test("the health route answers without a session", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
