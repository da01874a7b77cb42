// The database goes away for both instances (the TCP link between them and PostgreSQL is cut,
// the server itself keeps running) and comes back: every endpoint answers 503 with Retry-After
// in its own format, readiness says so while liveness does not, the keys stay published, the
// log gets one line for the outage, nothing is consumed or half-written, and both instances
// recover by themselves.
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { demoIndeedClient, type DemoIndeedClient } from "../indeed-client";
import { ACE_DEV, authorizationCode, issuer, redeem, tokenRequest } from "./flows";
import { faultWorld } from "./setup";

const world = faultWorld();

test.describe.configure({ mode: "serial" });

test("a database outage is 503 with Retry-After everywhere, changes nothing, and ends by itself", async ({ browser }) => {
  test.setTimeout(300_000);
  const { a, b, link } = world();

  // Before: a partner's session and secret, a sandbox user's code and access token.
  const context = await browser.newContext({ baseURL: a.url });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.owner);
  const client: DemoIndeedClient = await demoIndeedClient(page, "outage");
  const appId = /\/apps\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const grant = await redeem(b.url, client, await authorizationCode(page, world().publicUrl, client.clientId, "offline_access"));
  expect(grant.status).toBe(200);
  const unredeemed = await authorizationCode(page, world().publicUrl, client.clientId, "email");
  const keysBefore = await (await fetch(`${a.url}/indeed/.well-known/keys`)).json();
  const discoveryBefore = await (await fetch(`${a.url}/indeed/.well-known/openid-configuration`)).json();
  const secretsBefore = await world().sql(`SELECT id, "revokedAt" FROM "ClientSecret" ORDER BY id`);
  const stderrBefore = a.stderr.length;

  await link.cut();

  // Liveness: the process answers. Readiness: it cannot serve.
  expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
  await expect.poll(async () => (await fetch(`${a.url}/api/ready`)).status, { timeout: 15_000 }).toBe(503);
  const ready = await fetch(`${b.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);

  // The token endpoint: OAuth JSON, no-store, and the code is not consumed.
  const requests: Record<string, string>[] = [
    { grant_type: "client_credentials", scope: "employer_access" },
    { grant_type: "authorization_code", code: unredeemed.code, redirect_uri: ACE_DEV.redirectUri, code_verifier: unredeemed.verifier },
    { grant_type: "refresh_token", refresh_token: String(grant.body.refresh_token) },
  ];
  for (const params of requests) {
    const answer = await tokenRequest(a.url, client, params);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: "temporarily_unavailable", error_description: expect.any(String) });
    expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  }

  // A bearer endpoint: 503 with Retry-After, never a 401 that would make a client drop its token.
  const userinfo = await fetch(`${a.url}/indeed/v2/api/userinfo`, { headers: { Authorization: `Bearer ${grant.body.access_token}` } });
  expect(userinfo.status).toBe(503);
  expect(userinfo.headers.get("retry-after")).toMatch(/^\d+$/);

  // The authorize endpoint cannot check the client's redirect URI: an error page, not a redirect.
  const authorize = await fetch(
    `${a.url}/indeed/oauth/v2/authorize?${new URLSearchParams({ client_id: client.clientId, redirect_uri: ACE_DEV.redirectUri, response_type: "code", scope: "email", state: "s" })}`,
    { redirect: "manual" },
  );
  expect(authorize.status).toBe(503);
  expect(authorize.headers.get("retry-after")).toMatch(/^\d+$/);

  // The keys and discovery stay served from what the instance last read.
  const keys = await fetch(`${a.url}/indeed/.well-known/keys`);
  expect(keys.status).toBe(200);
  expect(await keys.json()).toEqual(keysBefore);
  const discovery = await fetch(`${a.url}/indeed/.well-known/openid-configuration`);
  expect(discovery.status).toBe(200);
  expect(await discovery.json()).toEqual(discoveryBefore);

  // The console: its JSON route in its own format, its pages as a friendly page.
  const json = await context.request.get(`${a.url}/api/console/apps/${appId}/services`);
  expect(json.status()).toBe(503);
  expect(json.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await json.json()).toEqual({ error: expect.stringContaining("temporarily unavailable"), code: "UNAVAILABLE" });
  const dashboard = await context.request.get(`${a.url}/dashboard`);
  expect(dashboard.status()).toBe(503);
  expect(dashboard.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await dashboard.text()).toContain("temporarily unavailable");
  await page.goto(`${a.url}/dashboard`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The console is temporarily unavailable");

  await link.restore();

  // Both instances recover by themselves.
  for (const instance of [a, b]) {
    await expect.poll(async () => (await fetch(`${instance.url}/api/ready`)).status, { timeout: 30_000 }).toBe(200);
  }
  await page.goto(`${a.url}/dashboard`);
  await expect(page.getByRole("banner")).toContainText(DEMO_USERS.owner.name);

  // Nothing was consumed or half-written: the code still redeems, once; the secrets are as they were.
  const late = await redeem(a.url, client, unredeemed);
  expect(late.status).toBe(200);
  expect(await world().sql(`SELECT id, "revokedAt" FROM "ClientSecret" ORDER BY id`)).toEqual(secretsBefore);
  expect((await tokenRequest(b.url, client, { grant_type: "refresh_token", refresh_token: String(grant.body.refresh_token) })).status).toBe(200);

  // One warning for the outage; no stack trace.
  const log = a.stderr.slice(stderrBefore);
  const warnings = log.split("\n").filter((line) => line.includes('"level":"warn"'));
  expect(warnings).toHaveLength(1);
  expect(log).not.toMatch(/^\s+at /m);
  expect(issuer(world().publicUrl)).toBe(discoveryBefore.issuer);
  await context.close();
});
