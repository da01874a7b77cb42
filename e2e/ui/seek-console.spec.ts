// SEEK apps in a browser: the Credentials and Hirers tabs by role, another partner's 404, a
// fresh app's rotation with an overlap, and the live-credential request answered by an admin
// while the partner's page stays open. The demo world is shared with every other spec: these
// tests change only an app they create, and put Globex's live self-service back as they found it.
import type { Page } from "@playwright/test";
import {
  ACME_SEEK_APP,
  DEMO_USERS,
  GLOBEX_SEEK_APP,
  PLAYGROUND_HIRER_ID,
  appIdOf,
  expect,
  signIn,
  test,
} from "../fixtures";
import { createAcmeSeekApp } from "../seek";

const SECRET_VALUE = /^[A-Za-z0-9]{64}$/;

async function openSeekApp(page: Page, appName: string, tab: "Credentials" | "Hirers") {
  await page.getByRole("main").getByRole("link", { name: appName, exact: true }).click();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: tab }).click();
  await expect(page.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
}

function environment(page: Page, name: "Playground" | "Live") {
  return page.getByRole("region", { name: `${name} credentials` });
}

test("SEEK apps have the tabs Credentials, Hirers and Activity", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await openSeekApp(page, ACME_SEEK_APP, "Credentials");
  await expect(page.getByRole("navigation", { name: "App sections" }).getByRole("link")).toHaveText(["Credentials", "Hirers", "Activity"]);
});

test("a viewer sees both environments' metadata but no value and no control", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await openSeekApp(page, ACME_SEEK_APP, "Credentials");
  for (const name of ["Playground", "Live"] as const) {
    const section = environment(page, name);
    await expect(section.getByText(/^[a-z0-9]{64}$/)).toBeVisible();
    await expect(section.getByText("Only owners and developers can see secret values.").first()).toBeVisible();
    await expect(section.getByRole("button", { name: /Rotate secret|Revoke now|Expire issued|Show/ })).toHaveCount(0);
  }
  await expect(page.getByRole("region", { name: "Integration health" })).toBeVisible();
});

test("a developer reveals a secret (logged) but cannot rotate or revoke", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.developer);
  await openSeekApp(page, ACME_SEEK_APP, "Credentials");
  const section = environment(page, "Playground");
  await expect(section.getByRole("button", { name: /Rotate secret|Revoke now/ })).toHaveCount(0);
  const box = section.getByRole("group", { name: /Value of Playground secret/ }).first();
  await box.hover();
  await expect(box.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  await expect(section.getByRole("button", { name: "Expire issued playground tokens now" })).toBeVisible();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByText("SEEK secret revealed").first()).toBeVisible();
});

test("another partner's SEEK app is not found, on every tab", async ({ page, browser, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  const acmeAppId = await appIdOf(page, ACME_SEEK_APP);
  const globex = await browser.newPage();
  await signIn(globex, DEMO_USERS.globexOwner);
  for (const tab of ["credentials", "hirers", "activity"]) {
    const response = await globex.goto(`/apps/${acmeAppId}/${tab}`);
    expect(response?.status(), tab).toBe(404);
    await expect(globex.getByText(ACME_SEEK_APP)).toHaveCount(0);
  }
  const api = await globex.request.get(`/api/console/apps/${acmeAppId}/seek/live-request`);
  expect(api.status()).toBe(404);
  await globex.close();
});

test("the Hirers tab lists the partner's hirers, looks one up by id and searches by name and type", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await openSeekApp(page, ACME_SEEK_APP, "Hirers");
  const list = page.getByRole("table", { name: "Playground hirers" });
  await expect(list.getByRole("rowheader")).toHaveText(["Coastal Construction", "Harbour Health Group", "Playground Hirer (SEEK public test)"]);

  await page.getByLabel("Hirer ID").fill(PLAYGROUND_HIRER_ID);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("table", { name: "Lookup result" }).getByRole("cell", { name: PLAYGROUND_HIRER_ID })).toBeVisible();

  // Globex's hirer: it exists, but Acme has no relationship with it.
  await page.getByLabel("Hirer ID").fill("seekAnzPublicTest:organization:seek:Dk9vH2sJ");
  await page.getByRole("button", { name: "Look up" }).click();
  // (Next.js's route announcer is an alert too, empty: the message is the one that says so.)
  await expect(page.getByRole("alert").filter({ hasText: /no relationship with this hirer/ })).toBeVisible();
  await expect(page.getByLabel("Hirer ID")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name contains").fill("harbour");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table", { name: "Playground hirers" }).getByRole("rowheader")).toHaveText(["Harbour Health Group"]);

  await page.getByLabel("Name contains").fill("");
  await page.getByLabel("Candidate profiles").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table", { name: "Playground hirers" }).getByRole("rowheader")).toHaveText(["Coastal Construction"]);

  await page.getByRole("navigation", { name: "Environment" }).getByRole("link", { name: /Live/ }).click();
  await expect(page.getByRole("table", { name: "Live hirers" }).getByRole("rowheader")).toHaveText([/Acme Recruiting Test Hirer/, "Southern Cross Logistics"]);
});

test("an owner issues Playground credentials on a new SEEK app and rotates with an overlap, then revokes the old secret", async ({ browser }) => {
  const name = await createAcmeSeekApp(browser, "e2e-seek");

  const page = await browser.newPage();
  await signIn(page, DEMO_USERS.owner);
  await openSeekApp(page, name, "Credentials");
  const playground = environment(page, "Playground");
  await playground.getByRole("button", { name: "Issue playground credentials" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue" }).click();
  await expect(playground.getByRole("status").filter({ hasText: /Issued Playground credentials/ })).toBeVisible();
  const first = playground.getByRole("group", { name: "Value of Playground secret 1" });
  await first.hover();
  await expect(first.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  const firstValue = await first.getByTestId("secret-value").textContent();

  await playground.getByRole("button", { name: /Rotate secret/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Previous secret keeps working for").selectOption("1H");
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await expect(playground.getByRole("status").filter({ hasText: /The previous one keeps working until/ })).toBeVisible();
  await expect(playground.getByText("2 of 2 active.", { exact: false })).toBeVisible();
  await expect(playground.getByRole("button", { name: /Rotate secret/ })).toBeDisabled();

  const old = playground.getByRole("article", { name: "Playground secret 1" });
  await expect(old.getByText(/UTC/)).toHaveCount(2); // created, stops
  const current = playground.getByRole("group", { name: "Value of Playground secret 2" });
  await current.hover();
  await expect(current.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  expect(await current.getByTestId("secret-value").textContent()).not.toBe(firstValue);

  await old.getByRole("button", { name: "Revoke now Playground secret 1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke now" }).click();
  await expect(old.getByText("Revoked", { exact: true }).first()).toBeVisible();
  await expect(playground.getByRole("button", { name: /Rotate secret/ })).toBeEnabled();
  await page.close();
});

test("Globex requests live credentials; the admin's refusal and approval reach its open page without a reload", async ({ browser }) => {
  const partner = await browser.newPage();
  await signIn(partner, DEMO_USERS.globexOwner);
  await openSeekApp(partner, GLOBEX_SEEK_APP, "Credentials");
  const live = environment(partner, "Live");
  await expect(live.getByRole("button", { name: "Issue live credentials" })).toHaveCount(0);
  await live.getByLabel("Note for the admins (optional)").fill("Playground tests pass.");
  await live.getByRole("button", { name: "Request live credentials" }).click();
  await expect(live.getByText(/Waiting for an admin’s answer/)).toBeVisible();
  // A full reload would drop this marker; the soft refresh after the approval keeps it.
  await partner.evaluate(() => Object.assign(window, { __stillOpen: true }));

  const admin = await browser.newPage();
  await signIn(admin, DEMO_USERS.admin);
  await admin.goto("/admin/seek");
  const request = admin.getByRole("article", { name: `Globex Talent: ${GLOBEX_SEEK_APP}` });
  await request.getByRole("button", { name: /^Refuse/ }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Show us a passing Playground run first.");
  await dialog.getByRole("button", { name: "Refuse" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(live.getByText("Reason: Show us a passing Playground run first.")).toBeVisible({ timeout: 15_000 });
  await live.getByRole("button", { name: "Request live credentials" }).click();
  await expect(live.getByText(/Waiting for an admin’s answer/)).toBeVisible();

  await admin.reload();
  await admin.getByRole("article", { name: `Globex Talent: ${GLOBEX_SEEK_APP}` }).getByRole("button", { name: /^Approve/ }).click();
  await expect(admin.getByRole("article", { name: `Globex Talent: ${GLOBEX_SEEK_APP}` })).toHaveCount(0);

  await expect(live.getByRole("button", { name: "Issue live credentials" })).toBeVisible({ timeout: 15_000 });
  expect(await partner.evaluate(() => (window as unknown as { __stillOpen?: boolean }).__stillOpen)).toBe(true);

  // Put Globex back as the demo world has it: not approved.
  const globexSwitch = admin.getByRole("switch", { name: "Live self-service for Globex Talent" });
  await expect(globexSwitch).toHaveAttribute("aria-checked", "true");
  await globexSwitch.click();
  await expect(globexSwitch).toHaveAttribute("aria-checked", "false");
  await admin.close();
  await partner.close();
});
