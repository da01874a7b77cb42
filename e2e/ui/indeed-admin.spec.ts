// Admins manage the sandbox Indeed world in the console; the accounts they create sign in to
// the emulator. Nobody else can reach these screens.
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { EMPLOYERS, SANDBOX, signInToIndeed } from "../indeed";

function accountRow(page: import("@playwright/test").Page, email: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(email.replace(/[.]/g, "\\.")) }) });
}

test("an admin adds an employer and an account linked to it, which then signs in to the emulator", async ({ page, browser, signInAs }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const employerName = `Initech ${suffix}`;
  const email = `qa-${suffix}@globex.sandbox.example`;

  await signInAs(DEMO_USERS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Sandbox Indeed accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox Indeed accounts" })).toBeVisible();
  const tester = accountRow(page, SANDBOX.acmeTester);
  await expect(tester).toContainText("Acme Recruiting");
  await expect(tester).toContainText(EMPLOYERS.umbrella.name);
  await expect(tester).toContainText(EMPLOYERS.usRobotics.name);
  await expect(accountRow(page, SANDBOX.acmeRegistrant)).toContainText("Registered its apps");

  await page.getByRole("link", { name: "Employers", exact: true }).click();
  await expect(page.getByRole("rowheader", { name: EMPLOYERS.dharma.name })).toBeVisible();
  await expect(page.getByRole("cell", { name: EMPLOYERS.dharma.id })).toBeVisible();
  await page.getByRole("button", { name: "Add employer" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Employer name").fill(employerName);
  await page.getByLabel("Employer id").fill("not-hex");
  await page.getByRole("button", { name: "Add employer" }).click();
  await expect(page.getByText("An employer id is 32 hexadecimal characters.")).toBeVisible();
  await page.getByLabel("Employer id").fill("");
  await page.getByRole("button", { name: "Add employer" }).click();
  await expect(page.getByRole("status")).toContainText(`${employerName} is added`);
  await expect(page.getByRole("rowheader", { name: employerName })).toBeVisible();

  await page.goto("/admin/sandbox/new");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Quinn QA");
  await page.getByLabel("Password", { exact: true }).fill("a-sandbox-password");
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Globex Talent" });
  await page.getByRole("checkbox", { name: employerName }).check();
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page).toHaveURL(/\/admin\/sandbox\?saved=/);
  await expect(page.getByRole("status")).toContainText(`${email} is saved.`);
  const row = accountRow(page, email);
  await expect(row).toContainText("Globex Talent");
  await expect(row).toContainText(employerName);

  await row.getByRole("link", { name: /Edit/ }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await page.getByLabel("Name", { exact: true }).fill("Quinn Q. Assurance");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(accountRow(page, email)).toContainText("Quinn Q. Assurance");

  const indeed = await browser.newContext();
  try {
    const emulator = await indeed.newPage();
    await emulator.goto("/indeed/sign-in");
    await signInToIndeed(emulator, email, "a-sandbox-password");
    await expect(emulator).toHaveURL(/\/indeed\/authorized-applications$/);
    await expect(emulator.getByRole("banner")).toContainText(email);
  } finally {
    await indeed.close();
  }
});

test("partners cannot reach the sandbox screens: they are not found", async ({ page }) => {
  await signIn(page, DEMO_USERS.owner);
  for (const path of ["/admin/sandbox", "/admin/sandbox/new", "/admin/sandbox/employers"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await expect(page.getByText(SANDBOX.acmeTester)).toHaveCount(0);
});
