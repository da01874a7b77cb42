import type { Page } from "@playwright/test";
import { DEMO_USERS, appIdOf, expect, signIn, test } from "../fixtures";

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
}

test("another partner's app is not found, exactly like a missing one", async ({ browser, page, signInAs }) => {
  // Two users sign in: twice the work of the other tests on a small machine.
  test.setTimeout(120_000);
  const globex = await browser.newContext();
  let globexAppId: string;
  try {
    const globexPage = await globex.newPage();
    await signIn(globexPage, DEMO_USERS.globexOwner);
    globexAppId = await appIdOf(globexPage, "GlobexHire-prod");
    // The id is real: its own partner can open it.
    await globexPage.goto(`/apps/${globexAppId}/services`);
    await expect(globexPage.getByRole("heading", { level: 1, name: "GlobexHire-prod" })).toBeVisible();
  } finally {
    await globex.close();
  }

  await signInAs(DEMO_USERS.owner);
  await expectNotFound(page, `/apps/${globexAppId}/services`);
  await expect(page.getByText(/GlobexHire|Globex Talent/)).toHaveCount(0);
  await expectNotFound(page, `/apps/${globexAppId}`);
  await expectNotFound(page, "/apps/00000000-0000-4000-8000-000000000000/services");
});

test("a malformed app id is not found", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.developer);
  await expectNotFound(page, "/apps/not-a-uuid/services");
  await expectNotFound(page, "/apps/not-a-uuid");
});

test("an unknown route is not found", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await expectNotFound(page, "/no-such-page");
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});
