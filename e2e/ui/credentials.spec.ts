// The Credentials tab in a browser. The demo world is shared with every other spec of the run:
// these tests add and revoke only secrets they create, add only redirect URLs they delete again,
// and leave every review where they found it.
import type { Page } from "@playwright/test";
import { ACE_DEV_REDIRECT_URI, DEMO_USERS, appIdOf, expect, signIn, signOut, test } from "../fixtures";

const SECRET_VALUE = /^[A-Za-z0-9]{64}$/;

async function openCredentials(page: Page, appName: string) {
  await page.getByRole("main").getByRole("link", { name: appName, exact: true }).click();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
  await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}\/credentials$/);
  await expect(page.getByRole("link", { name: "Credentials" })).toHaveAttribute("aria-current", "page");
}

function secretCard(page: Page, label: string) {
  return page
    .getByRole("list", { name: "Client secrets" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: label, exact: true }) });
}

test("the OAuth client shows its partner's employerIdType, the type of the ids the Employer Data API takes", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.developer);
  await openCredentials(page, "AceRecruitersApp-dev");
  const client = page.getByRole("region", { name: "OAuth client" });
  await expect(client.getByRole("term").filter({ hasText: /^employerIdType$/ })).toBeVisible();
  await expect(client.getByRole("definition").filter({ hasText: "acme-recruiting" }).locator("code").first()).toHaveText("acme-recruiting");
});

test("an owner adds a secret, reveals it by holding the pointer over it, copies it and revokes it", async ({ page, context, signInAs }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(DEMO_USERS.owner);
  await openCredentials(page, "AceRecruitersApp-dev");
  await expect(page.getByRole("heading", { level: 2, name: "OAuth client" })).toBeVisible();
  await expect(page.getByText(/^[a-z0-9]{64}$/)).toBeVisible();

  const label = `E2E secret ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Add another secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Add another secret" });
  await dialog.getByRole("button", { name: "Add secret" }).click();
  await expect(dialog.getByLabel("Label")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Enter a label, e.g. “Production server”.")).toBeVisible();
  await dialog.getByLabel("Label").fill(label);
  await dialog.getByRole("button", { name: "Add secret" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Added the secret “${label}”` })).toBeVisible();

  const card = secretCard(page, label);
  await expect(card.getByText(/^\W+Active$/)).toBeVisible();
  await expect(card.getByText(`by ${DEMO_USERS.owner.name}`)).toBeVisible();
  const box = card.getByRole("group", { name: `Value of secret ${label}` });
  await expect(box.getByTestId("secret-value")).toHaveCount(0);

  // Hold the pointer over the box: the value appears; move away: it is hidden again.
  await box.hover();
  await expect(box.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  const value = (await box.getByTestId("secret-value").textContent())!;
  await page.mouse.move(0, 0);
  await expect(box.getByTestId("secret-value")).toHaveCount(0);
  await expect(page.getByText(value)).toHaveCount(0);

  // Keyboard focus shows it too, and Copy puts it on the clipboard.
  await box.focus();
  await expect(box.getByTestId("secret-value")).toHaveText(value);
  await card.getByRole("button", { name: `Copy secret ${label}` }).click();
  await expect(card.getByRole("button", { name: `Copied secret ${label}` })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);

  // The value is in neither the page's HTML nor its RSC payload: only the reveal returns it.
  const html = await page.request.get(page.url());
  expect(await html.text()).not.toContain(value);
  const rsc = await page.request.get(page.url(), { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(value);

  await card.getByRole("button", { name: `Revoke secret ${label}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke “${label}”?` });
  await confirm.getByRole("button", { name: "Revoke secret" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByText(/^\W+Revoked$/)).toBeVisible();
  await expect(card.getByRole("group")).toHaveCount(0);
  await expect(card.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Activity" }).click();
  const log = page.getByRole("list", { name: "Activity, newest first" });
  await expect(log.getByRole("listitem").first()).toContainText("Secret revoked");
  await expect(log.getByRole("listitem").first()).toContainText(label);
  await expect(log.getByRole("listitem").filter({ hasText: "Secret revealed" }).filter({ hasText: label }).first()).toContainText(
    DEMO_USERS.owner.name,
  );
  await expect(page.getByText(value)).toHaveCount(0);
});

test("the allowlist refuses bad redirect URLs, saying why next to the field", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.developer);
  await openCredentials(page, "AceRecruitersApp-prod");
  await expect(page.getByRole("heading", { name: /Authorization code grant \(3-legged OAuth\)\s*\(Review in progress\)/ })).toBeVisible();

  const field = page.getByLabel("Redirect URL", { exact: true });
  const add = page.getByRole("button", { name: "Add URL" });
  for (const [uri, reason] of [
    ["http://example.com/cb", "Use https://. Plain http:// is allowed only on localhost, 127.0.0.1 and [::1]."],
    ["https://example.com/cb#top", "A redirect URL cannot contain a fragment (#…)."],
    ["https://*.example.com/cb", "A redirect URL cannot contain wildcards (*): list each URL exactly."],
    ["https://user@example.com/cb", "A redirect URL cannot contain a user name or password (user@host)."],
    ["javascript:alert(1)", "javascript: URLs cannot be redirect URLs. Use an https:// URL."],
    ["https://app.acerecruiters.example/oauth/callback", "This URL is already on the allowlist."],
  ] as const) {
    await field.fill(uri);
    await add.click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await field.getAttribute("aria-describedby"))!.split(" ");
    const errorId = describedBy.find((id) => id.endsWith("-error"))!;
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText(reason);
  }

  const uri = `https://example.com/e2e/${Date.now().toString(36)}`;
  await field.fill(uri);
  await add.click();
  const list = page.getByRole("list", { name: "Redirect URLs" });
  await expect(list.getByRole("listitem").filter({ hasText: uri })).toHaveCount(1);
  await expect(field).toHaveValue("");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await list.getByRole("button", { name: `Delete ${uri}` }).click();
  await expect(list.getByRole("listitem").filter({ hasText: uri })).toHaveCount(0);
});

test("a viewer sees the credentials' metadata, no secret and no button that changes anything", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await openCredentials(page, "AceRecruitersApp-dev");
  await expect(secretCard(page, "Local development").getByText("Hidden. Only owners and developers can see secret values.")).toBeVisible();
  await expect(page.getByRole("group", { name: /^Value of/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy Client ID" })).toBeVisible();
  await expect(
    page.getByRole("button", { name: /^(Add another secret|Show|Hide|Copy secret|Revoke|Rotate|Add URL|Delete|Update|Resubmit)/ }),
  ).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Redirect URLs" }).getByText(ACE_DEV_REDIRECT_URI)).toBeVisible();
});

test("another partner's member gets the 404 page for the credentials and activity of an Acme app", async ({ page }) => {
  await signIn(page, DEMO_USERS.owner);
  const appId = await appIdOf(page, "AceRecruitersApp-dev");
  await signOut(page);
  await signIn(page, DEMO_USERS.globexOwner);
  for (const tab of ["credentials", "activity"]) {
    const response = await page.goto(`/apps/${appId}/${tab}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the Indeed Apply API token's secret is revealed with Show and rotated", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  await openCredentials(page, "acme-apply-widget-dev");
  await expect(page.getByRole("heading", { level: 2, name: "Indeed Apply API token" })).toBeVisible();
  const box = page.getByRole("group", { name: "Value of API token secret" });
  const show = page.getByRole("button", { name: "Show API token secret" });
  await show.click();
  await expect(show).toHaveAttribute("aria-pressed", "true");
  await expect(box.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  await show.click();
  await expect(show).toHaveAttribute("aria-pressed", "false");
  await expect(box.getByTestId("secret-value")).toHaveCount(0);
  await show.click();
  await expect(box.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  const before = await box.getByTestId("secret-value").textContent();

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rotated the secret." })).toBeVisible();
  const after = page.getByRole("group", { name: "Value of API token secret" });
  await page.getByRole("button", { name: "Show API token secret" }).click();
  await expect(after.getByTestId("secret-value")).toHaveText(SECRET_VALUE);
  expect(await after.getByTestId("secret-value").textContent()).not.toBe(before);
});

test("a rejected grant shows its reason; the partner resubmits and an admin rejects it again", async ({ browser }) => {
  const partner = await browser.newPage();
  await signIn(partner, DEMO_USERS.owner);
  await openCredentials(partner, "Acme Talent Pipeline-prod");
  await expect(partner.getByText("Reason for rejection")).toBeVisible();
  await expect(partner.getByText(/privacy policy link does not open a privacy policy/)).toBeVisible();
  await partner.getByRole("button", { name: "Resubmit" }).click();
  await expect(partner.getByRole("heading", { name: /\(Review in progress\)/ })).toBeVisible();
  await expect(partner.getByText(/only Acme Recruiting’s own test accounts/)).toBeVisible();

  const admin = await browser.newPage();
  await signIn(admin, DEMO_USERS.admin);
  await admin.goto("/admin/reviews");
  const row = admin
    .getByRole("list", { name: "Grant reviews" })
    .getByRole("listitem")
    .filter({ has: admin.getByRole("heading", { name: "Acme Talent Pipeline-prod" }) });
  await row.getByRole("button", { name: "Reject Acme Talent Pipeline-prod" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog.getByText("Enter a reason. The partner sees it on the Credentials tab.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("The privacy policy link does not open a privacy policy. Link your published policy and resubmit.");
  await dialog.getByRole("button", { name: "Reject" }).click();
  // While the modal dialog is open the page behind it is hidden from the accessibility tree, so
  // the row counts as gone before the rejection is made: wait for the dialog to close first.
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(0);

  await partner.reload();
  await expect(partner.getByText("Reason for rejection")).toBeVisible();
  await expect(partner.getByRole("button", { name: "Resubmit" })).toBeVisible();
  await partner.close();
  await admin.close();
});

test("the admin's create-app form keeps its rules, with each error next to its field", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Create an app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an app" })).toBeVisible();
  await page.getByLabel("Partner").selectOption({ label: "Acme Recruiting" });
  await page.getByLabel("Name").fill("AceRecruitersApp-dev");
  await page.getByLabel("Public client").check();
  await page.getByLabel("Client credentials (2-legged OAuth)").check();
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByLabel("Public client")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/A public client has no secret, so it cannot use the client credentials grant/)).toBeVisible();
  await expect(page.getByLabel("Public client")).toBeFocused();

  await page.getByLabel("Credential type").selectOption({ label: "Indeed Apply" });
  await expect(page.getByLabel("Public client")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Grant types" })).toHaveCount(0);
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await page.getByLabel("Name").getAttribute("aria-describedby"))!.split(" ");
  await expect(page.locator(`[id="${describedBy.find((id) => id.endsWith("-error"))}"]`)).toHaveText(
    "This partner already has an app with this name.",
  );
});
