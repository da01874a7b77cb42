// SEEK apps the e2e specs create for themselves (the demo world is shared: a spec that changes
// credentials or expires tokens does it on its own app).
import type { Browser } from "@playwright/test";
import { ACME, DEMO_USERS, expect, signIn } from "./fixtures";

/** Creates a SEEK app for Acme as the admin, and returns its name. */
export async function createAcmeSeekApp(browser: Browser, prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}`;
  const admin = await browser.newPage();
  await signIn(admin, DEMO_USERS.admin);
  await admin.goto("/admin/apps/new");
  await admin.getByLabel("Partner").selectOption({ label: ACME });
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Provider").selectOption("SEEK");
  // A SEEK app's owners issue its credentials: the form asks for no OAuth settings.
  await expect(admin.getByLabel("Provider")).toHaveAccessibleDescription(/its owners issue SEEK credentials per environment/);
  await expect(admin.getByRole("group", { name: "Grant types" })).toHaveCount(0);
  await expect(admin.getByLabel("Public client")).toHaveCount(0);
  await admin.getByRole("button", { name: /Create app/ }).click();
  await expect(admin).not.toHaveURL(/\/admin\/apps\/new/);
  await admin.close();
  return name;
}
