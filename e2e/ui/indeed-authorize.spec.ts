// The authorization code flow through the emulator's real pages in Chromium: sign-in, consent,
// employer selection, the redirect back with code, state and employer, PKCE S256, incremental
// authorization, Deny, the review rule, and removing an app's access, after which its refresh
// token fails. The demo clients are read from their Credentials tabs, as a partner would.
// Each test uses sandbox accounts no other test authorizes with, so they run in any order.
import * as oauth from "oauth4webapi";
import { expect, test } from "../fixtures";
import {
  DEMO_CLIENTS,
  EMPLOYERS,
  SANDBOX,
  authorizationServer,
  atCallback,
  authorizeUrl,
  catchCallback,
  clientIdOf,
  issuerOf,
  pkce,
  signInToIndeed,
} from "../indeed";

const SCOPE_WORDS = {
  email: "View your email address.",
  offline_access: "Maintain the permissions you grant, even when you are not using the app.",
  employer_access: "View the employers you can access, and act on behalf of the employer you choose.",
} as const;

test.describe.configure({ timeout: 120_000 });

test("consent with a partial grant, then the employer picker: back with code, state byte for byte and employer", async ({
  page,
  browser,
  baseURL,
}) => {
  const { app, redirectUri } = DEMO_CLIENTS.aceDev;
  const clientId = await clientIdOf(browser, baseURL!, app);
  const { challenge } = await pkce();
  const state = "a b&c=d/é+%~ ✓";
  const callback = await catchCallback(page, redirectUri);

  await page.goto(
    authorizeUrl(baseURL!, {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "email offline_access employer_access",
      state,
      prompt: "select_employer",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }),
  );
  await signInToIndeed(page, SANDBOX.acmeTester);

  await expect(page).toHaveURL(/\/indeed\/consent\?request=/);
  await expect(page.getByRole("heading", { level: 1, name: `${app} wants to access your Indeed account` })).toBeVisible();
  await expect(page.getByText("Provided by Acme Recruiting")).toBeVisible();
  await expect(page.getByText(`Signed in as ${SANDBOX.acmeTester}`)).toBeVisible();
  for (const words of Object.values(SCOPE_WORDS)) await expect(page.getByRole("checkbox", { name: words })).toBeChecked();
  await page.getByRole("checkbox", { name: SCOPE_WORDS.email }).uncheck();
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Choose an employer" })).toBeVisible();
  // Seed 002's selection screen: the account's two employers, no others.
  await expect(page.getByRole("radio")).toHaveCount(2);
  await expect(page.getByRole("radio", { name: EMPLOYERS.usRobotics.name })).toBeVisible();
  await expect(page.getByRole("radio", { name: EMPLOYERS.umbrella.name })).toBeVisible();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByText("Choose one of your employers, or continue without one.")).toBeVisible();
  await page.getByRole("radio", { name: EMPLOYERS.usRobotics.name }).check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();

  const url = await atCallback(page, callback);
  expect(`${url.origin}${url.pathname}`).toBe(redirectUri);
  const params = oauth.validateAuthResponse(authorizationServer(baseURL!), { client_id: clientId }, url, state);
  expect(params.get("code")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get("employer")).toBe(EMPLOYERS.usRobotics.id);
  expect([...url.searchParams.keys()].sort()).toEqual(["code", "employer", "state"]);

  // The partial grant: the app holds what was ticked, nothing more.
  await page.goto("/indeed/authorized-applications");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: app }) });
  await expect(card).toContainText(SCOPE_WORDS.offline_access);
  await expect(card).toContainText(SCOPE_WORDS.employer_access);
  await expect(card).not.toContainText(SCOPE_WORDS.email);
});

test("incremental authorization asks only for new scopes, skips consent when all are granted, and Deny says access_denied", async ({
  page,
  browser,
  baseURL,
}) => {
  const { app, redirectUri } = DEMO_CLIENTS.aceDev;
  const clientId = await clientIdOf(browser, baseURL!, app);
  const authorize = async (scope: string, state: string) => {
    const callback = await catchCallback(page, redirectUri);
    await page.goto(authorizeUrl(baseURL!, { client_id: clientId, redirect_uri: redirectUri, response_type: "code", scope, state }));
    return callback;
  };

  let callback = await authorize("offline_access", "one");
  await signInToIndeed(page, SANDBOX.acmeRegistrant);
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await page.getByRole("button", { name: "Allow" }).click();
  expect((await atCallback(page, callback)).searchParams.get("state")).toBe("one");
  await page.unrouteAll({ behavior: "ignoreErrors" });

  // Signed in already: straight to consent, asked only for email; offline_access is listed as held.
  callback = await authorize("email offline_access", "two");
  await expect(page).toHaveURL(/\/indeed\/consent\?request=/);
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: SCOPE_WORDS.email })).toBeChecked();
  await expect(page.getByRole("heading", { name: "Current permissions" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: SCOPE_WORDS.offline_access })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  expect((await atCallback(page, callback)).searchParams.get("code")).toBeTruthy();
  await page.unrouteAll({ behavior: "ignoreErrors" });

  // Everything asked for is granted: no consent screen at all, the authorize response itself
  // goes back to the client. (Read with the page's cookies: the browser's route interception
  // does not see a redirect that follows a navigation.)
  const silent = await page.request.get(
    authorizeUrl(baseURL!, { client_id: clientId, redirect_uri: redirectUri, response_type: "code", scope: "email", state: "three" }),
    { maxRedirects: 0 },
  );
  expect(silent.status()).toBe(303);
  const location = new URL(silent.headers()["location"]!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get("state")).toBe("three");
  expect(location.searchParams.get("code")).toBeTruthy();

  callback = await authorize("employer_access", "four");
  await expect(page.getByRole("checkbox", { name: SCOPE_WORDS.employer_access })).toBeVisible();
  await page.getByRole("button", { name: "Deny" }).click();
  const denied = await atCallback(page, callback);
  expect(Object.fromEntries(denied.searchParams)).toEqual({
    error: "access_denied",
    error_description: "The user denied the request.",
    state: "four",
  });
  expect(() => oauth.validateAuthResponse(authorizationServer(baseURL!), { client_id: clientId }, denied, "four")).toThrow();
});

test("an app in review is for its partner's accounts only; a public client's code redeems with PKCE, and removing access kills its refresh token", async ({
  page,
  browser,
  baseURL,
}) => {
  const { app, redirectUri } = DEMO_CLIENTS.globexCareers;
  const clientId = await clientIdOf(browser, baseURL!, app);
  const client: oauth.Client = { client_id: clientId, token_endpoint_auth_method: "none" };
  const { verifier, challenge } = await pkce();
  const params = {
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "email offline_access employer_access",
    prompt: "select_employer",
    code_challenge: challenge,
    code_challenge_method: "S256",
  };

  // Another partner's test account is refused, back at the client with state.
  let callback = await catchCallback(page, redirectUri);
  await page.goto(authorizeUrl(baseURL!, { ...params, state: "outsider" }));
  await signInToIndeed(page, SANDBOX.acmeNoEmployers);
  const refused = await atCallback(page, callback);
  expect(refused.searchParams.get("error")).toBe("access_denied");
  expect(refused.searchParams.get("state")).toBe("outsider");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.goto("/indeed/authorized-applications");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Globex's registrant may: consent, then its one employer.
  callback = await catchCallback(page, redirectUri);
  await page.goto(authorizeUrl(baseURL!, { ...params, state: "globex" }));
  await signInToIndeed(page, SANDBOX.globexRegistrant);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.getByRole("radio", { name: EMPLOYERS.dharma.name }).check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const url = await atCallback(page, callback);

  const as = await oauth.processDiscoveryResponse(
    new URL(issuerOf(baseURL!)),
    await oauth.discoveryRequest(new URL(issuerOf(baseURL!)), { algorithm: "oidc", [oauth.allowInsecureRequests]: true }),
  );
  const callbackParams = oauth.validateAuthResponse(as, client, url, "globex");
  expect(callbackParams.get("employer")).toBe(EMPLOYERS.dharma.id);
  const tokens = await oauth.processAuthorizationCodeResponse(
    as,
    client,
    await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callbackParams, redirectUri, verifier, {
      [oauth.allowInsecureRequests]: true,
    }),
  );
  expect(tokens.scope?.split(" ").sort()).toEqual(["email", "employer_access", "offline_access"]);
  expect(tokens.refresh_token).toBeTruthy();

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.goto("/indeed/authorized-applications");
  await page.getByRole("button", { name: `Remove access for ${app}` }).click();
  await expect(page.getByRole("status")).toHaveText(`${app} no longer has access to your account.`);
  await expect(page.getByRole("heading", { name: app })).toHaveCount(0);

  const refresh = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
    [oauth.allowInsecureRequests]: true,
  });
  await expect(oauth.processRefreshTokenResponse(as, client, refresh)).rejects.toMatchObject({ error: "invalid_grant" });
});
