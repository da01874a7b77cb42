// The token tool's Indeed flows in Chromium against the console's own emulator: opened from an
// app's Credentials tab, a run authenticates with a secret chosen by its label (its value never
// reaches the page), gets an app token (Basic, then body authentication), lists the employers
// with appinfo and gets a token for one of them whose emp names it; the saved run reads the same
// after a reload. An unreachable custom target fails with its reason next to the step.
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { EMPLOYERS, SANDBOX, signInToIndeed } from "../indeed";
import { demoIndeedClient, revokeDemoSecret } from "../indeed-client";

// Each test drives several pages and the server on a small shared machine.
test.describe.configure({ timeout: 180_000 });

function step(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^\\d+\\. ${title}$`) }) });
}

async function runStep(page: Page, title: string, state: "Passed" | "Failed" = "Passed") {
  const item = step(page, title);
  await item.getByRole("button", { name: `Run ${title}` }).click();
  await expect(item).toHaveAttribute("data-state", state.toLowerCase());
  return item;
}

async function startRun(page: Page, appName: string, secretLabel: string, target?: { custom: string }, flow = "Indeed client credentials") {
  await page.getByRole("main").getByRole("link", { name: appName, exact: true }).click();
  await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}\/services$/);
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
  await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}\/credentials$/);
  await page.getByRole("link", { name: "Test with the token tool" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Token tool" })).toBeVisible();
  await expect(page.getByLabel("App", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("App", { exact: true }).locator("option:checked")).toHaveText(new RegExp(`^${appName} `));
  await page.getByLabel("Flow", { exact: true }).selectOption({ label: flow });
  if (target) {
    await page.getByRole("radio", { name: "Custom issuer or base URL" }).check();
    await page.getByRole("textbox", { name: "Issuer or base URL" }).fill(target.custom);
  } else {
    await expect(page.getByRole("radio", { name: "This console’s emulator" })).toBeChecked();
  }
  await page.getByLabel("Secret", { exact: true }).selectOption({ label: secretLabel });
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: flow })).toBeVisible();
}

test("client credentials: an app token, appinfo and an employer token, with no secret on the page", async ({ page }) => {
  const demo = await demoIndeedClient(page, "token tool");
  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label);

  const discovery = await runStep(page, "Discover the endpoints");
  await expect(discovery).toContainText("Found the issuer http://localhost:");

  const token = await runStep(page, "Get an app token");
  await expect(token).toContainText("Got an access token for the app, valid for 3600 seconds.");
  await expect(token).toContainText(/signature verified with key \S+ \(ES256\)/);
  await expect(token.getByLabel("Claims of access_token")).toContainText(`"sub": "app:${demo.clientId}"`);
  await expect(token).toContainText(/exp.*expires in (59|60) min/);
  await expect(token).toContainText("none (the token does not represent an employer)");
  // The Basic header names the client id and the secret's label, never the value.
  await token.getByText(/^Token request \(client credentials\): POST/).click();
  await expect(token).toContainText(`Basic ‹client id ${demo.clientId} and the secret “${demo.label}”, hidden›`);
  await expect(token.getByRole("button", { name: "Copy as curl" }).first()).toBeVisible();

  // Body authentication: the secret is a hidden field of the form.
  await token.getByLabel("Client authentication").selectOption("post");
  await runStep(page, "Get an app token");
  await expect(token).toContainText(`client_secret=‹the secret “${demo.label}”, hidden›`);

  const appinfo = await runStep(page, "Call appinfo");
  await expect(appinfo).toContainText("appinfo lists 3 employers.");

  const employer = step(page, "Get an employer token");
  await employer.getByLabel("Employer").selectOption(EMPLOYERS.umbrella.id);
  await runStep(page, "Get an employer token");
  await expect(employer).toContainText(`Got a token for employer ${EMPLOYERS.umbrella.id}: its emp claim names it.`);
  await expect(employer.getByLabel("Claims of employer_access_token")).toContainText(`"emp": "${EMPLOYERS.umbrella.id}"`);

  // Shown in full only on request, while the vault holds it.
  await employer.getByRole("button", { name: "Show in full employer_access_token" }).click();
  await expect(employer.getByLabel("employer_access_token in full")).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  await employer.getByRole("button", { name: "Hide employer_access_token" }).click();

  expect(await page.content()).not.toContain(demo.secret);
  // The saved run reads the same after a reload.
  await page.reload();
  await expect(step(page, "Get an employer token")).toHaveAttribute("data-state", "passed");
  await expect(step(page, "Get an employer token")).toContainText(`"emp": "${EMPLOYERS.umbrella.id}"`);
  expect(await page.content()).not.toContain(demo.secret);

  // Run all, from the top, passes again.
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) }).and(page.locator('[data-state="passed"]'))).toHaveCount(4);

  // Each use of the secret is in the app's activity log.
  await page.goto("/dashboard");
  await page.getByRole("main").getByRole("link", { name: demo.app, exact: true }).click();
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByText("Secret used by a testing tool").first()).toBeVisible();
  await revokeDemoSecret(page, demo);
});

test("an unreachable custom target fails at its step with the reason", async ({ page }) => {
  await signIn(page, DEMO_USERS.developer);
  const demo = await demoIndeedClient(page, "unreachable");
  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label, { custom: "http://127.0.0.1:9" });
  const discovery = await runStep(page, "Discover the endpoints", "Failed");
  await expect(discovery.getByRole("alert")).toHaveText("127.0.0.1:9 refused the connection (nothing listens on that port).");

  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label, { custom: "https://no-such-host.invalid" });
  const dns = await runStep(page, "Discover the endpoints", "Failed");
  await expect(dns.getByRole("alert")).toHaveText("The name no-such-host.invalid could not be resolved.");
  await revokeDemoSecret(page, demo);
});

/** Builds the authorization URL (adding the tool's callback to the allowlist if need be) and opens it. */
async function openAuthorization(page: Page): Promise<Page> {
  const authorize = step(page, "Build the authorization URL");
  await authorize.getByRole("button", { name: "Run Build the authorization URL" }).click();
  await expect(authorize).toHaveAttribute("data-state", /passed|failed/);
  if ((await authorize.getAttribute("data-state")) === "failed") {
    await expect(authorize.getByRole("alert")).toContainText("is not on the app’s redirect allowlist");
    await authorize.getByRole("button", { name: /^Add http:\/\/localhost:\d+\/token-tool\/callback to the allowlist$/ }).click();
    await expect(authorize.getByText(/^Added http:\/\/localhost:\d+\/token-tool\/callback to the app’s redirect allowlist/)).toBeVisible();
    await runStep(page, "Build the authorization URL");
  }
  await expect(authorize.getByLabel("Authorization URL")).toContainText("code_challenge_method=S256");
  await expect(authorize.getByLabel("Authorization URL")).toContainText("prompt=select_employer");
  const popup = page.waitForEvent("popup");
  await authorize.getByRole("link", { name: "Open the authorization page (opens in a new tab)" }).click();
  return popup;
}

/** Signs in on the emulator's page if asked, allows if asked (a grant may exist already). */
async function signInAndConsent(popup: Page, email: string) {
  const signInHeading = popup.getByRole("heading", { level: 1, name: "Sign in" });
  const allow = popup.getByRole("button", { name: "Allow" });
  const picker = popup.getByRole("button", { name: "Continue", exact: true });
  await expect(signInHeading.or(allow).or(picker)).toBeVisible();
  if (await signInHeading.isVisible()) await signInToIndeed(popup, email);
  await expect(allow.or(picker)).toBeVisible();
  if (await allow.isVisible()) await allow.click();
}

test("authorization code: consent and the employer picker, the code exchanged at the tool's callback, userinfo, refresh switching and dropping the employer", async ({ page }) => {
  const demo = await demoIndeedClient(page, "code flow tool");
  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label, undefined, "Indeed authorization code");
  await runStep(page, "Discover the endpoints");

  const popup = await openAuthorization(page);
  await signInAndConsent(popup, SANDBOX.acmeRegistrant);
  await popup.getByRole("radio", { name: EMPLOYERS.usRobotics.name }).check();
  await popup.getByRole("button", { name: "Continue", exact: true }).click();

  // The callback found the run by its state and exchanged the code; the run's page says so.
  await expect(popup).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  const exchange = step(popup, "Exchange the code");
  await expect(exchange).toHaveAttribute("data-state", "passed");
  await expect(exchange).toContainText("the ID token is signed by the issuer, for this client, with the nonce sent");
  await expect(exchange.getByLabel("Token id_token")).toContainText(/signature verified with key \S+ \(ES256\)/);
  await expect(exchange).toContainText(`Employer that came back${EMPLOYERS.usRobotics.id}`);
  await expect(exchange).toContainText("Scopes requestedemail offline_access employer_access");
  await expect(exchange).toContainText("Refresh tokenissued (offline_access)");
  expect(await popup.content()).not.toContain(demo.secret);

  const userinfo = await runStep(popup, "Call userinfo");
  await expect(userinfo).toContainText(`userinfo names ${SANDBOX.acmeRegistrant}.`);

  const refresh = step(popup, "Refresh the tokens");
  await refresh.getByLabel("Employer").selectOption(EMPLOYERS.umbrella.id);
  await runStep(popup, "Refresh the tokens");
  await expect(refresh).toContainText(`Refreshed: the new access token represents employer ${EMPLOYERS.umbrella.id}.`);
  await refresh.getByLabel("Employer").selectOption("");
  await runStep(popup, "Refresh the tokens");
  await expect(refresh).toContainText("Refreshed without an employer: the new access token represents none.");

  // Automatic refresh is offered while the page is open.
  await popup.getByLabel(/Refresh the tokens automatically/).check();
  await expect(popup.getByText(/^Next automatic refresh: /)).toBeVisible();
  await popup.close();
  await revokeDemoSecret(page, demo);
});

test("authorization code: a denied consent comes back to the callback as access_denied, next to the step", async ({ page }) => {
  const demo = await demoIndeedClient(page, "code flow denied");
  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label, undefined, "Indeed authorization code");
  await runStep(page, "Discover the endpoints");
  const popup = await openAuthorization(page);
  await signInToIndeed(popup, SANDBOX.acmeNoEmployers);
  await popup.getByRole("button", { name: "Deny" }).click();
  await expect(popup).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  const exchange = step(popup, "Exchange the code");
  await expect(exchange).toHaveAttribute("data-state", "failed");
  await expect(exchange.getByRole("alert")).toHaveText("The provider returned an error to the callback: The user denied the request.");
  await expect(exchange.getByLabel("The provider’s error")).toContainText("erroraccess_denied");
  await popup.close();
  await revokeDemoSecret(page, demo);
});

test("a viewer opens a saved run by its link and reads it, but cannot run it", async ({ page, browser, baseURL }) => {
  const demo = await demoIndeedClient(page, "saved run");
  await page.goto("/dashboard");
  await startRun(page, demo.app, demo.label);
  await runStep(page, "Discover the endpoints");
  await runStep(page, "Get an app token");
  const link = page.url();

  const viewer = await browser.newPage({ baseURL });
  await signIn(viewer, DEMO_USERS.viewer);
  await viewer.goto("/token-tool");
  await expect(viewer.getByText("Viewers can open saved runs, but cannot run flows: they need the app’s secret.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Start run" })).toBeDisabled();
  await viewer.getByRole("link", { name: "Indeed client credentials" }).first().click();
  await expect(viewer).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  await viewer.goto(link);
  await expect(step(viewer, "Get an app token")).toHaveAttribute("data-state", "passed");
  await expect(step(viewer, "Get an app token").getByLabel("Claims of access_token")).toContainText(`"sub": "app:${demo.clientId}"`);
  await expect(viewer.getByRole("button", { name: "Run all" })).toBeDisabled();
  await expect(step(viewer, "Get an app token").getByRole("button", { name: "Run Get an app token" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: /^Show in full/ })).toHaveCount(0);
  expect(await viewer.content()).not.toContain(demo.secret);
  await viewer.close();
  await revokeDemoSecret(page, demo);
});
