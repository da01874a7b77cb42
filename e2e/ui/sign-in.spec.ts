import type { Page } from "@playwright/test";
import { ACME, DEMO_PASSWORD, DEMO_USERS, WRONG_CREDENTIALS, appIdOf, expect, signIn, signOut, test } from "../fixtures";

const ROLES = [
  { role: "admin", user: DEMO_USERS.admin, label: "Admin" },
  { role: "owner", user: DEMO_USERS.owner, label: `Owner · ${ACME}` },
  { role: "developer", user: DEMO_USERS.developer, label: `Developer · ${ACME}` },
  { role: "viewer", user: DEMO_USERS.viewer, label: `Viewer · ${ACME}` },
] as const;

for (const { role, user, label } of ROLES) {
  test(`the ${role} signs in and sees the dashboard`, async ({ page, signInAs }) => {
    await signInAs(user);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    const banner = page.getByRole("banner");
    await expect(banner).toContainText(user.name);
    await expect(banner).toContainText(label);
    await expect(banner.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "AceRecruitersApp-dev", exact: true })).toBeVisible();
  });
}

test.describe("a failed sign-in", () => {
  async function submit(page: Page, email: string, password: string) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  /** The form's alert; Next.js's route announcer is an (empty) alert as well. */
  function formAlert(page: Page) {
    return page.getByRole("alert").filter({ hasText: /\S/ });
  }

  async function expectSignedOut(page: Page) {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  }

  test("with a wrong password shows the error and stays on the sign-in page", async ({ page }) => {
    await submit(page, DEMO_USERS.globexDeveloper.email, `${DEMO_PASSWORD}-wrong`);
    await expect(formAlert(page)).toHaveText(WRONG_CREDENTIALS);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel("Email")).toHaveValue(DEMO_USERS.globexDeveloper.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expectSignedOut(page);
  });

  test("with an unknown email shows the same error", async ({ page }) => {
    await submit(page, "nobody@acme.example", DEMO_PASSWORD);
    await expect(formAlert(page)).toHaveText(WRONG_CREDENTIALS);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectSignedOut(page);
  });
});

test("the session survives a reload", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  await page.reload();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(DEMO_USERS.owner.name);
});

test("signing out ends the session; deeper pages come back after signing in again", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.developer);
  const appId = await appIdOf(page, "AceRecruitersApp-prod");

  await signOut(page);
  await expect(page.getByLabel("Email")).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);

  const deep = `/apps/${appId}/services`;
  await page.goto(deep);
  const url = new URL(page.url());
  expect(url.pathname).toBe("/sign-in");
  expect(url.searchParams.get("callbackUrl")).toBe(deep);

  await signIn(page, DEMO_USERS.developer, { landing: new RegExp(`${deep}$`) });
  await expect(page.getByRole("heading", { level: 1, name: "AceRecruitersApp-prod" })).toBeVisible();
});
