// The token tool's Indeed flows in Chromium against the console's own emulator: opened from an
// app's Credentials tab, a run authenticates with a secret chosen by its label (its value never
// reaches the page), gets an app token (Basic, then body authentication), lists the employers
// with appinfo and gets a token for one of them whose emp names it; the saved run reads the same
// after a reload. An unreachable custom target fails with its reason next to the step.
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { EMPLOYERS } from "../indeed";
import { demoIndeedClient, revokeDemoSecret } from "../indeed-client";

function step(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^\\d+\\. ${title}$`) }) });
}

async function runStep(page: Page, title: string, state: "Passed" | "Failed" = "Passed") {
  const item = step(page, title);
  await item.getByRole("button", { name: `Run ${title}` }).click();
  await expect(item).toHaveAttribute("data-state", state.toLowerCase());
  return item;
}

async function startRun(page: Page, appName: string, secretLabel: string, target?: { custom: string }) {
  await page.getByRole("main").getByRole("link", { name: appName, exact: true }).click();
  await page.getByRole("link", { name: "Credentials" }).click();
  await page.getByRole("link", { name: "Test with the token tool" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Token tool" })).toBeVisible();
  await expect(page.getByLabel("App", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("App", { exact: true }).locator("option:checked")).toHaveText(new RegExp(`^${appName} `));
  await page.getByLabel("Flow", { exact: true }).selectOption({ label: "Indeed client credentials" });
  if (target) {
    await page.getByRole("radio", { name: "Custom issuer or base URL" }).check();
    await page.getByRole("textbox", { name: "Issuer or base URL" }).fill(target.custom);
  } else {
    await expect(page.getByRole("radio", { name: "This console’s emulator" })).toBeChecked();
  }
  await page.getByLabel("Secret", { exact: true }).selectOption({ label: secretLabel });
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Indeed client credentials" })).toBeVisible();
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
