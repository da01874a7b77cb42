// Two instances of the production build on one PostgreSQL database behind one PUBLIC_URL: what
// one instance made (a session, a secret, a code, a refresh token, a signing key, a sign-out),
// the other honours at once, because no state lives in one process's memory.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { DEMO_USERS, expect, signIn, signOut, test } from "../fixtures";
import { demoIndeedClient, revokeDemoSecret, type DemoIndeedClient } from "../indeed-client";
import { authorizationCode, issuer, redeem, tokenRequest } from "./flows";
import { faultWorld } from "./setup";

const world = faultWorld();
let client: DemoIndeedClient;

test.describe.configure({ mode: "serial" });

test("a session made on one instance is honoured by the other", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: world().a.url });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.owner);
  // Both instances are on 127.0.0.1: the browser sends the same cookie to either.
  await page.goto(`${world().b.url}/dashboard`);
  await expect(page.getByRole("banner")).toContainText(DEMO_USERS.owner.name);
  client = await demoIndeedClient(page, "cross-instance");
  await context.close();
});

test("a secret added on one instance authenticates on the other, and once revoked on one it stops on both", async ({ browser }) => {
  const params = { grant_type: "client_credentials", scope: "employer_access" };
  expect((await tokenRequest(world().b.url, client, params)).status).toBe(200);
  expect((await tokenRequest(world().a.url, client, params)).status).toBe(200);

  const context = await browser.newContext({ baseURL: world().b.url });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.owner);
  const other = await demoIndeedClient(page, "revoked on B");
  expect((await tokenRequest(world().a.url, other, params)).status).toBe(200);
  await revokeDemoSecret(page, other);
  await context.close();
  for (const instance of [world().a, world().b]) {
    const refused = await tokenRequest(instance.url, other, params);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("invalid_client");
  }
});

test("a code issued behind the public URL is redeemed on one instance once; the replay on the other revokes what it issued", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const code = await authorizationCode(page, world().publicUrl, client.clientId, "offline_access");
  await context.close();

  const first = await redeem(world().b.url, client, code);
  expect(first.status).toBe(200);
  const replay = await redeem(world().a.url, client, code);
  expect(replay.status).toBe(400);
  expect(replay.body.error).toBe("invalid_grant");
  // The replay revoked the refresh token the first redemption issued, on every instance.
  for (const instance of [world().a, world().b]) {
    const refresh = await tokenRequest(instance.url, client, { grant_type: "refresh_token", refresh_token: String(first.body.refresh_token) });
    expect(refresh.status).toBe(400);
    expect(refresh.body.error).toBe("invalid_grant");
  }
});

test("a refresh token issued by one instance is used on the other, and its rotation holds on both", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const code = await authorizationCode(page, world().publicUrl, client.clientId, "email offline_access");
  await context.close();

  const issued = await redeem(world().a.url, client, code);
  expect(issued.status).toBe(200);
  const refreshed = await tokenRequest(world().b.url, client, { grant_type: "refresh_token", refresh_token: String(issued.body.refresh_token) });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.refresh_token).toEqual(expect.any(String));
  const again = await tokenRequest(world().a.url, client, { grant_type: "refresh_token", refresh_token: String(refreshed.body.refresh_token) });
  expect(again.status).toBe(200);
});

test("a signing key rotated by the operator reaches both instances within their recheck interval", async () => {
  test.setTimeout(150_000);
  const keysOf = async (url: string) =>
    ((await (await fetch(`${url}/indeed/.well-known/keys`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  const before = await keysOf(world().a.url);
  world().operator("keys:rotate", "--provider", "indeed");
  const after = (
    await world().sql<{ kid: string }>(`SELECT id AS kid FROM "SigningKey" WHERE "retiredAt" IS NULL AND provider = 'INDEED'`)
  ).map((r) => r.kid);
  expect(after).toHaveLength(1);
  const [newKid] = after;
  expect(before).not.toContain(newKid);

  // Both publish it, and both sign with it once they have rechecked which key is active.
  for (const instance of [world().a, world().b]) {
    await expect.poll(() => keysOf(instance.url), { timeout: 60_000, intervals: [1_000] }).toContain(newKid);
    await expect
      .poll(
        async () => {
          const token = await tokenRequest(instance.url, client, { grant_type: "client_credentials", scope: "employer_access" });
          return decodeProtectedHeader(String(token.body.access_token)).kid;
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(newKid);
  }
  // A token the one signs, the other's JWKS verifies.
  const token = await tokenRequest(world().a.url, client, { grant_type: "client_credentials", scope: "employer_access" });
  const jwks = createRemoteJWKSet(new URL(`${world().b.url}/indeed/.well-known/keys`));
  const { payload } = await jwtVerify(String(token.body.access_token), jwks, { issuer: issuer(world().publicUrl) });
  expect(payload.azp).toBe(client.clientId);
});

test("signing out on one instance ends the session on the other", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: world().a.url });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.developer);
  const cookies = await context.cookies();
  await signOut(page);
  await context.close();

  // The copied cookie, replayed on the other instance after the sign-out.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const response = await replay.request.get(`${world().b.url}/dashboard`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers()["location"]!, world().b.url).pathname).toBe("/sign-in");
  await replay.close();
});
