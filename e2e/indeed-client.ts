// Credentials of AceRecruitersApp-dev for driving the Indeed emulator as a real client would:
// the owner adds a secret of its own on the Credentials tab and reveals it by holding the
// pointer over it, exactly as a partner copies one. Each caller gets a fresh secret (labelled
// so), so tests never share or disturb the demo world's secrets; revoke it when done.
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn } from "./fixtures";

export const DEMO_INDEED_APP = "AceRecruitersApp-dev";

export interface DemoIndeedClient {
  clientId: string;
  secret: string;
  /** The secret's label on the Credentials tab. */
  label: string;
  app: string;
}

async function openCredentials(page: Page, app: string) {
  const heading = page.getByRole("heading", { level: 1, name: app, exact: true });
  if (!/\/apps\/[0-9a-f-]{36}\/credentials$/.test(page.url()) || !(await heading.isVisible())) {
    await page.goto("/dashboard");
    await page.getByRole("main").getByRole("link", { name: app, exact: true }).click();
    await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
  }
  await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}\/credentials$/);
}

export function secretCard(page: Page, label: string) {
  return page
    .getByRole("list", { name: "Client secrets" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: label, exact: true }) });
}

/** Signs in as Acme's owner (unless signed in), adds a secret to one of Acme's apps and reveals it. */
export async function demoIndeedClient(page: Page, purpose: string, app: string = DEMO_INDEED_APP): Promise<DemoIndeedClient> {
  if (!/\/(dashboard|apps\/)/.test(page.url())) await signIn(page, DEMO_USERS.owner);
  await openCredentials(page, app);
  const clientId = (await page.getByText(/^[a-z0-9]{64}$/).first().textContent())!.trim();
  const label = `E2E ${purpose} ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Add another secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Add another secret" });
  await dialog.getByLabel("Label").fill(label);
  await dialog.getByRole("button", { name: "Add secret" }).click();
  await expect(dialog).toHaveCount(0);
  const box = secretCard(page, label).getByRole("group", { name: `Value of secret ${label}` });
  await box.hover();
  const value = box.getByTestId("secret-value");
  await expect(value).toHaveText(/^[A-Za-z0-9]{64}$/);
  const secret = (await value.textContent())!;
  await page.mouse.move(0, 0);
  return { clientId, secret, label, app };
}

/** Revokes a secret that demoIndeedClient added. */
export async function revokeDemoSecret(page: Page, { label, app }: Pick<DemoIndeedClient, "label" | "app">): Promise<void> {
  await openCredentials(page, app);
  const card = secretCard(page, label);
  await card.getByRole("button", { name: `Revoke secret ${label}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke “${label}”?` });
  await confirm.getByRole("button", { name: "Revoke secret" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByText(/^\W+Revoked$/)).toBeVisible();
}
