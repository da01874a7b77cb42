import { ACME, ACME_APPS, ACME_SEEK_APP, DEMO_USERS, GLOBEX, GLOBEX_APPS, expect, test } from "../fixtures";

test("the owner sees exactly Acme's apps, alphabetically ignoring case", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  const main = page.getByRole("main");
  await expect(main.getByRole("list", { name: "Your apps" }).getByRole("link")).toHaveText([...ACME_APPS]);
  await expect(main.getByRole("heading", { name: `Apps (${ACME_APPS.length})` })).toBeVisible();
  await expect(main.getByRole("link", { name: /globex/i })).toHaveCount(0);
  await expect(main).not.toContainText(GLOBEX);
  // A member's dashboard is not grouped by partner.
  await expect(main.getByRole("heading", { level: 3, name: ACME, exact: true })).toHaveCount(0);
});

test("every app on the dashboard links to its services tab, a SEEK app without services to its credentials", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  const links = page.getByRole("main").getByRole("list", { name: "Your apps" }).getByRole("link");
  await expect(links).toHaveCount(ACME_APPS.length);
  for (const [name, href] of await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]))) {
    const tab = name === ACME_SEEK_APP ? "credentials" : "services";
    expect(href).toMatch(new RegExp(`^/apps/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/${tab}$`));
  }
});

test("SEEK apps are marked SEEK", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  const card = page.getByRole("article", { name: ACME_SEEK_APP });
  await expect(card.getByText("SEEK", { exact: true })).toBeVisible();
});

test("the admin sees both partners' apps, grouped by partner", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.admin);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 3 })).toHaveText([ACME, GLOBEX]);
  await expect(main.getByRole("list", { name: `${ACME} apps` }).getByRole("link")).toHaveText([...ACME_APPS]);
  await expect(main.getByRole("list", { name: `${GLOBEX} apps` }).getByRole("link")).toHaveText([...GLOBEX_APPS]);
  await expect(main.getByRole("heading", { name: `Apps (${ACME_APPS.length + GLOBEX_APPS.length})` })).toBeVisible();
});
