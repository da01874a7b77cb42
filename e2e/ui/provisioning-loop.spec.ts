// The whole provisioning loop through the UI, with a partner and an admin in two browsers at
// once: the partner never reloads, yet sees every admin decision arrive.
// Uses GlobexCareers-dev, an app no other spec touches.
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn, test } from "../fixtures";

const APP = "GlobexCareers-dev";
const REASON = "Postings lack the required salary ranges.";

function serviceCard(page: Page, service: string) {
  return page.getByRole("list", { name: "Services" }).getByRole("listitem").filter({
    has: page.getByRole("heading", { level: 3, name: service, exact: true }),
  });
}

function queueRow(page: Page, service: string) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: APP }) })
    .filter({ has: page.getByRole("cell", { name: service, exact: true }) });
}

async function adminMove(admin: Page, service: string, button: string | RegExp) {
  await admin.goto("/admin/provisioning");
  const row = queueRow(admin, service);
  await row.getByRole("button", { name: button }).click();
}

test("request → provision → review → reject → resubmit → approve, seen live by the partner", async ({ browser }) => {
  test.slow();
  const partnerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  const admin = await adminContext.newPage();
  await signIn(partner, DEMO_USERS.globexOwner);
  await signIn(admin, DEMO_USERS.admin);

  // The partner requests Job Sync API; the dialog says Employer Data API comes with it.
  await partner.getByRole("main").getByRole("link", { name: APP, exact: true }).click();
  await expect(partner.getByRole("heading", { level: 1, name: APP })).toBeVisible();
  await partner.getByRole("button", { name: "Request a service" }).click();
  const dialog = partner.getByRole("dialog", { name: "Request a service" });
  await expect(dialog.getByText(/Requires Job Sync API on this app first/)).toBeVisible();
  await dialog.getByRole("radio", { name: /Job Sync API/ }).check();
  await expect(dialog.getByText("Employer Data API will be added too.")).toBeVisible();
  await dialog.getByRole("button", { name: "Request service" }).click();
  await expect(dialog).toBeHidden();
  await expect(serviceCard(partner, "Job Sync API")).toContainText("Provisioning in progress");
  await expect(serviceCard(partner, "Employer Data API")).toContainText("Provisioning in progress");

  // The admin finishes provisioning; the partner's open page follows without a reload.
  await adminMove(admin, "Job Sync API", "Finish provisioning");
  await expect(queueRow(admin, "Job Sync API")).toHaveCount(0);
  await expect(serviceCard(partner, "Job Sync API")).toContainText("Pending review");

  // The partner requests a review.
  await serviceCard(partner, "Job Sync API").getByRole("button", { name: "Request review" }).click();
  await expect(serviceCard(partner, "Job Sync API")).toContainText("Review in progress");

  // The admin rejects with a reason; the partner sees the reason and resubmits.
  await adminMove(admin, "Job Sync API", /^Reject/);
  const reject = admin.getByRole("dialog", { name: `Reject: Job Sync API on ${APP}` });
  await reject.getByLabel("Reason").fill(REASON);
  await reject.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(reject).toBeHidden();
  const jobSync = serviceCard(partner, "Job Sync API");
  await expect(jobSync).toContainText("Rejected");
  await expect(jobSync).toContainText(REASON);
  // The card's history already says "Review in progress" (the first review), so wait for the
  // resubmission itself to be answered before the admin looks at the queue.
  const resubmitted = partner.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/services`));
  await jobSync.getByRole("button", { name: "Resubmit" }).click();
  expect((await resubmitted).ok()).toBe(true);
  await expect(jobSync.getByRole("button", { name: "Resubmit" })).toHaveCount(0);
  await expect(jobSync).toContainText("Review in progress");

  // The admin approves; the partner sees "Approved" on the page it never reloaded.
  await adminMove(admin, "Job Sync API", "Approve");
  await expect(queueRow(admin, "Job Sync API")).toHaveCount(0);
  await expect(jobSync).toContainText("Approved");

  // Every change is on the timeline.
  await jobSync.getByText(/Status history/).click();
  await expect(jobSync.getByRole("listitem").filter({ hasText: REASON })).toHaveCount(1);

  await partnerContext.close();
  await adminContext.close();
});
