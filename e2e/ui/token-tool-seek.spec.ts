// The token tool's SEEK flow in Chromium against the console's own emulator, on a SEEK app this
// spec creates for Acme (the demo world is shared: "Expire issued tokens now" must touch no
// other spec's credential): a partner token (a cache miss, then a hit), GraphQL with it, a
// browser token for one of the partner's hirers, GraphQL with that; after "Expire issued tokens
// now" on the Credentials tab the query is answered UNAUTHENTICATED, gets a new token and is
// retried once; a browser token without query:organizations is answered FORBIDDEN, not retried.
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { createAcmeSeekApp } from "../seek";

const HARBOUR = { id: "seekAnzPublicTest:organization:seek:Bq2fT8xL", name: "Harbour Health Group" };

function step(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^\\d+\\. ${title}$`) }) });
}

async function runStep(page: Page, title: string, state: "passed" | "failed" = "passed") {
  const item = step(page, title);
  await item.getByRole("button", { name: `Run ${title}` }).click();
  await expect(item.getByRole("button", { name: `Run ${title}` })).toBeEnabled();
  await expect(item).toHaveAttribute("data-state", state);
  return item;
}

function fact(item: ReturnType<typeof step>, label: string) {
  return item.locator("dt", { hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) }).locator("xpath=following-sibling::dd[1]");
}

async function openCredentials(page: Page, appName: string) {
  await page.goto("/dashboard");
  await page.getByRole("main").getByRole("link", { name: appName, exact: true }).click();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
}

test("SEEK: partner token, GraphQL, browser token, the retry once after Expire issued tokens now, and a FORBIDDEN not retried", async ({ browser }) => {
  test.setTimeout(180_000);
  const name = await createAcmeSeekApp(browser, "e2e-seek-tool");

  const page = await browser.newPage();
  await signIn(page, DEMO_USERS.owner);
  await openCredentials(page, name);
  const playground = page.getByRole("region", { name: "Playground credentials" });
  await playground.getByRole("button", { name: "Issue playground credentials" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue" }).click();
  await expect(playground.getByRole("status").filter({ hasText: /Issued Playground credentials/ })).toBeVisible();
  const clientId = (await playground.getByText(/^[a-z0-9]{64}$/).first().textContent())!;
  const box = playground.getByRole("group", { name: "Value of Playground secret 1" });
  await box.hover();
  const secret = (await box.getByTestId("secret-value").textContent())!;
  expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);

  await page.reload();
  await page.getByRole("link", { name: "Test with the token tool" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Token tool" })).toBeVisible();
  await expect(page.getByLabel("Flow", { exact: true }).locator("option:checked")).toHaveText("SEEK partner and browser tokens");
  await page.getByLabel("Secret", { exact: true }).selectOption({ label: `Playground · client ${clientId} · current secret` });
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/token-tool\/runs\/[0-9a-f-]{36}$/);
  const runUrl = page.url();

  const partner = await runStep(page, "Get a partner token");
  await expect(partner).toContainText("Cache miss: got a new partner token.");
  await expect(fact(partner, "Audience")).toHaveText("https://test.graphql.seek.com");
  await expect(partner).toContainText(/signature verified with key \S+ \(ES256\)/);
  await expect(partner.getByLabel("Claims of partner_token")).toContainText('"token_use": "partner"');
  await expect(partner).toContainText('"client_secret": "‹the secret');
  await runStep(page, "Get a partner token");
  await expect(partner).toContainText("Cache hit: the partner token obtained earlier is still valid and reused.");

  const query = await runStep(page, "Query GraphQL with the partner token");
  await expect(query).toContainText("The query answered without errors.");
  await expect(fact(query, "Partner token")).toHaveText(/^cache hit/);
  await expect(query).toContainText("partner-console-seek-emulator");

  const browserToken = step(page, "Get a browser token");
  await browserToken.getByLabel("Hirer").selectOption(HARBOUR.id);
  await runStep(page, "Get a browser token");
  await expect(browserToken).toContainText("Cache miss: got a new browser token.");
  await expect(browserToken.getByLabel(/^Claims of browser_token_/)).toContainText(`"hirer": "${HARBOUR.id}"`);
  const browserQuery = await runStep(page, "Query GraphQL with the browser token");
  await expect(browserQuery).toContainText(HARBOUR.name);
  expect(await page.content()).not.toContain(secret);

  // Expire issued tokens now, on the Credentials tab; the cached partner token is refused.
  await openCredentials(page, name);
  await page.getByRole("region", { name: "Playground credentials" }).getByRole("button", { name: "Expire issued playground tokens now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Expire tokens" }).click();
  await expect(page.getByRole("region", { name: "Playground credentials" })).toContainText("are refused.");
  await page.waitForTimeout(1100);
  await page.goto(runUrl);
  const retried = await runStep(page, "Query GraphQL with the partner token");
  await expect(retried).toContainText("The query answered without errors on its one retry, with a new token.");
  await expect(fact(retried, "Attempts")).toHaveText("2");
  await expect(fact(retried, "Partner token (1)")).toHaveText(/^cache hit/);
  await expect(fact(retried, "Partner token (2)")).toHaveText(/^cache skipped: the query was answered UNAUTHENTICATED/);
  await expect(retried.getByText(/^GraphQL with the partner token \(attempt 1\): POST .* → HTTP 200/)).toBeVisible();
  await expect(retried.getByText(/^GraphQL with the partner token \(attempt 2, the one retry\): POST/)).toBeVisible();

  // A browser token without query:organizations: self is FORBIDDEN, and not retried.
  await browserToken.getByRole("checkbox", { name: "query:organizations" }).uncheck();
  await browserToken.getByRole("checkbox", { name: "query:ontologies" }).check();
  await runStep(page, "Get a browser token");
  const forbidden = await runStep(page, "Query GraphQL with the browser token", "failed");
  await expect(forbidden.getByRole("alert")).toContainText("The query answered FORBIDDEN at self: The browser token lacks the query:organizations scope.");
  await expect(forbidden.getByLabel("The provider’s error")).toContainText("FORBIDDEN");
  await expect(fact(forbidden, "Attempts")).toHaveText("1");
  await expect(fact(forbidden, "Retry")).toHaveText(/^FORBIDDEN is not retried/);
  await expect(forbidden.getByText(/^GraphQL with the browser token \(attempt 2/)).toHaveCount(0);

  // The saved run reads the same after a reload, without the secret.
  await page.reload();
  await expect(step(page, "Query GraphQL with the browser token")).toHaveAttribute("data-state", "failed");
  expect(await page.content()).not.toContain(secret);
  await page.close();
});
