// The authorization code flow with a confidential client, end to end: a partner copies a secret
// from the console, a sandbox user consents and picks an employer on the emulator's real pages in
// Chromium, and oauth4webapi (a strict standards client) redeems the code with PKCE, validates
// the ID token against the JWKS, calls userinfo and refreshes with employer switching; then the
// negative rules: a reused code revokes what it issued, 20 parallel redemptions give exactly one
// success, wrong redirect URIs, a PKCE downgrade and another app's credentials are refused.
// AceRecruitersApp-prod is in review, so Acme's own tester may authorize it; no other spec
// authorizes that app, so its grant is this spec's alone.
import type { Page } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { expect, test } from "../fixtures";
import { EMPLOYERS, SANDBOX, atCallback, authorizeUrl, catchCallback, issuerOf, pkce, signInToIndeed } from "../indeed";
import { demoIndeedClient, revokeDemoSecret } from "../indeed-client";

const APP = "AceRecruitersApp-prod";
const REDIRECT_URI = "https://app.acerecruiters.example/oauth/callback";
/** Tess Tester (prisma/demo-sandbox.ts). */
const TESTER_SUBJECT = "b6d2e3f4a5b6c7d8";
const insecure = { [oauth.allowInsecureRequests]: true };

test.describe.configure({ timeout: 180_000 });

/**
 * An authorization the signed-in user has granted everything for: the authorize response itself
 * redirects back (read with the page's cookies, as the browser's route interception does not
 * see a redirect that follows a navigation).
 */
async function silentAuthorize(page: Page, baseURL: string, params: Record<string, string>): Promise<URL> {
  const response = await page.request.get(authorizeUrl(baseURL, { redirect_uri: REDIRECT_URI, response_type: "code", ...params }), {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  return new URL(response.headers()["location"]!);
}

/** Runs one authorization through the emulator's pages; resolves with the callback URL. */
async function authorize(page: Page, baseURL: string, params: Record<string, string>, steps: () => Promise<void>) {
  const callback = await catchCallback(page, REDIRECT_URI);
  await page.goto(authorizeUrl(baseURL, { redirect_uri: REDIRECT_URI, response_type: "code", ...params }));
  await steps();
  const url = await atCallback(page, callback);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return url;
}

test("code + PKCE through consent and the employer picker, refresh with employer switching, and every refusal", async ({
  page,
  browser,
  baseURL,
}) => {
  const consolePage = await browser.newPage({ baseURL });
  const prod = await demoIndeedClient(consolePage, "code flow", APP);
  const dev = await demoIndeedClient(consolePage, "another app", "AceRecruitersApp-dev");
  const client: oauth.Client = { client_id: prod.clientId };
  const auth = oauth.ClientSecretBasic(prod.secret);

  const issuer = new URL(issuerOf(baseURL!));
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
  const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
  const claimsOf = async (token: string) => (await jwtVerify(token, jwks, { issuer: as.issuer, algorithms: ["ES256"] })).payload;
  const userinfo = async (token: string) =>
    oauth.processUserInfoResponse(as, client, TESTER_SUBJECT, await oauth.userInfoRequest(as, client, token, insecure));

  // 1. Consent and employer selection in the browser.
  const { verifier, challenge } = await pkce();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = await authorize(
    page,
    baseURL!,
    {
      client_id: prod.clientId,
      scope: "email offline_access employer_access",
      prompt: "select_employer",
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: "S256",
    },
    async () => {
      await signInToIndeed(page, SANDBOX.acmeTester);
      await page.getByRole("button", { name: "Allow" }).click();
      await page.getByRole("radio", { name: EMPLOYERS.umbrella.name }).check();
      await page.getByRole("button", { name: "Continue", exact: true }).click();
    },
  );
  const callbackParams = oauth.validateAuthResponse(as, client, url, state);
  expect(callbackParams.get("employer")).toBe(EMPLOYERS.umbrella.id);

  // 2. The exchange, the ID token (signature checked against the JWKS), the access token.
  const exchange = await oauth.authorizationCodeGrantRequest(as, client, auth, callbackParams, REDIRECT_URI, verifier, {
    ...insecure,
    additionalParameters: { employer: callbackParams.get("employer")! },
  });
  expect(exchange.headers.get("cache-control")).toBe("no-store");
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, exchange, { expectedNonce: nonce, requireIdToken: true });
  await oauth.validateApplicationLevelSignature(as, exchange, insecure);
  expect(tokens).toMatchObject({ scope: "email offline_access employer_access", consented_scope: "email offline_access employer_access" });
  expect(tokens.convid).toMatch(/^[0-9a-z]{16}$/);
  const employers = [EMPLOYERS.umbrella, EMPLOYERS.usRobotics];
  expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({
    sub: TESTER_SUBJECT,
    aud: prod.clientId,
    nonce,
    email: SANDBOX.acmeTester,
    email_verified: true,
    employers,
  });
  expect(await claimsOf(tokens.access_token)).toMatchObject({
    sub: `user:${TESTER_SUBJECT}`,
    act: { sub: `app:${prod.clientId}` },
    azp: prod.clientId,
    emp: EMPLOYERS.umbrella.id,
  });
  expect(await userinfo(tokens.access_token)).toEqual({ sub: TESTER_SUBJECT, email: SANDBOX.acmeTester, email_verified: true, employers });

  // 3. Refresh: switch employer, then drop it.
  const refresh = (token: string, employer?: string) =>
    oauth.refreshTokenGrantRequest(as, client, auth, token, { ...insecure, additionalParameters: employer ? { employer } : {} });
  const switched = await oauth.processRefreshTokenResponse(as, client, await refresh(tokens.refresh_token!, EMPLOYERS.usRobotics.id));
  expect((await claimsOf(switched.access_token)).emp).toBe(EMPLOYERS.usRobotics.id);
  const dropped = await oauth.processRefreshTokenResponse(as, client, await refresh(switched.refresh_token!));
  expect((await claimsOf(dropped.access_token)).emp).toBeUndefined();
  await expect(oauth.processRefreshTokenResponse(as, client, await refresh(dropped.refresh_token!, EMPLOYERS.dharma.id))).rejects.toMatchObject({
    error: "invalid_grant",
  });

  // 4. The code again: refused, and everything it issued is revoked.
  const reuse = await oauth.authorizationCodeGrantRequest(as, client, auth, callbackParams, REDIRECT_URI, verifier, insecure);
  await expect(oauth.processAuthorizationCodeResponse(as, client, reuse)).rejects.toMatchObject({ error: "invalid_grant" });
  await expect(userinfo(dropped.access_token)).rejects.toBeInstanceOf(oauth.WWWAuthenticateChallengeError);

  // 5. A fresh code (all scopes granted: no consent screen) redeemed 20 times at once.
  const second = await pkce();
  const raceUrl = await silentAuthorize(page, baseURL!, {
    client_id: prod.clientId,
    scope: "offline_access",
    code_challenge: second.challenge,
    code_challenge_method: "S256",
  });
  const raceParams = oauth.validateAuthResponse(as, client, raceUrl, oauth.expectNoState);
  const race = await Promise.all(
    Array.from({ length: 20 }, () => oauth.authorizationCodeGrantRequest(as, client, auth, raceParams, REDIRECT_URI, second.verifier, insecure)),
  );
  const statuses = race.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 400)).toHaveLength(19);

  // 6. A code without PKCE: downgrade, wrong redirect URIs and another app's credentials are
  // refused without burning it; the rightful redemption then succeeds.
  const plainUrl = await silentAuthorize(page, baseURL!, { client_id: prod.clientId, scope: "email" });
  const plain = oauth.validateAuthResponse(as, client, plainUrl, oauth.expectNoState);
  const refusals: [string, Promise<Response>][] = [
    ["PKCE downgrade", oauth.authorizationCodeGrantRequest(as, client, auth, plain, REDIRECT_URI, second.verifier, insecure)],
    ...[`${REDIRECT_URI}/`, REDIRECT_URI.replace("https:", "http:"), `${REDIRECT_URI}?x=1`, REDIRECT_URI.toUpperCase()].map(
      (uri): [string, Promise<Response>] => [uri, oauth.authorizationCodeGrantRequest(as, client, auth, plain, uri, oauth.nopkce, insecure)],
    ),
    [
      "another app's credentials",
      oauth.authorizationCodeGrantRequest(
        as,
        { client_id: dev.clientId },
        oauth.ClientSecretPost(dev.secret),
        plain,
        REDIRECT_URI,
        oauth.nopkce,
        insecure,
      ),
    ],
  ];
  for (const [what, request] of refusals) {
    const response = await request;
    expect(response.status, what).toBe(400);
    expect(await response.json(), what).toMatchObject({ error: "invalid_grant" });
  }
  const redeemed = await oauth.processAuthorizationCodeResponse(
    as,
    client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, plain, REDIRECT_URI, oauth.nopkce, insecure),
  );
  // The code carries what the account has granted the app (incremental authorization).
  expect(redeemed.scope?.split(" ")).toContain("email");
  expect(await userinfo(redeemed.access_token)).toMatchObject({ sub: TESTER_SUBJECT, email: SANDBOX.acmeTester, email_verified: true });

  await revokeDemoSecret(consolePage, prod);
  await revokeDemoSecret(consolePage, dev);
  await consolePage.close();
});
