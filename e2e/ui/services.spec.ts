import { DEMO_USERS, expect, test } from "../fixtures";

/** A status badge's text: an icon that only repeats the words, then the words. */
const badge = (label: string) => new RegExp(`^\\W*${label}$`);

test("the services tab lists services by their latest provisioning change", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.owner);
  await page.getByRole("main").getByRole("link", { name: "AceRecruitersApp-dev", exact: true }).click();
  await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}\/services$/);
  await expect(page.getByRole("heading", { level: 1, name: "AceRecruitersApp-dev" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "APIs and services" }),
  ).toHaveAttribute("aria-current", "page");

  const headings = page.getByRole("list", { name: "Services" }).getByRole("listitem").getByRole("heading", { level: 3 });
  await expect(headings).toHaveText(["Disposition Sync API", "Job Sync API", "Employer Data API"]);
  // The current status is the badge next to the service's name; the history further down
  // repeats the earlier ones.
  await expect(headings.locator("xpath=following-sibling::*[1]")).toHaveText([
    badge("Review in progress"),
    badge("Approved"),
    badge("None"),
  ]);
});

test("an app without services says so", async ({ page, signInAs }) => {
  await signInAs(DEMO_USERS.viewer);
  await page.getByRole("main").getByRole("link", { name: "acme-apply-widget-dev", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "acme-apply-widget-dev" })).toBeVisible();
  await expect(page.getByText("This app has no services yet.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Services" })).toHaveCount(0);
});
