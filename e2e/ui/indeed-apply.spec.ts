// The Indeed Apply testing tool in Chromium, against a partner endpoint this spec starts on
// 127.0.0.1 (the e2e server runs on the embedded database, where private addresses are allowed
// by default). The endpoint verifies X-Indeed-Signature with the secret copied from the
// Credentials tab, as a partner's would, then answers 200, 409 for a repeat, 410 for an
// expired job and 401 for a forged signature. The demo app's secret may be rotated by another
// spec, so it is read right before the sends it is needed for.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, DEMO_USERS, appIdOf, expect, signIn, signOut, test } from "../fixtures";
import type { Page } from "@playwright/test";

const APP = "acme-apply-widget-dev";

let server: Server;
let base: string;
let secret = "";
const answers: Array<{ path: string; status: number }> = [];

test.beforeAll(async () => {
  const seen = new Set<string>();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
        answers.push({ path: req.url ?? "", status });
        res.writeHead(status, { "content-type": "text/plain", ...headers }).end(text);
      };
      if (req.url === "/moved") return answer(302, "", { location: "https://ats.example.com/indeed/apply" });
      if (req.url === "/slow") return void setTimeout(() => answer(200, "too late"), 8_000);
      const raw = Buffer.concat(chunks);
      const expected = createHmac("sha1", secret).update(raw).digest("base64");
      if (req.headers["x-indeed-signature"] !== expected) return answer(401, "signature mismatch");
      const application = JSON.parse(raw.toString("utf8")) as { job: { jobId: string }; applicant: { email: string } };
      if (application.job.jobId === "EXPIRED-1") return answer(410, "job expired");
      const key = `${application.applicant.email}|${application.job.jobId}`;
      if (seen.has(key)) return answer(409, "already applied");
      seen.add(key);
      answer(200, "application received");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

// The first sign-in on a freshly started server (scrypt, a cold server) can outlast the
// fixture's 15-second wait on this shared machine: take it once here, with room to spare.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const warm = await browser.newPage();
  await warm.goto("/sign-in");
  await warm.getByLabel("Email").fill(DEMO_USERS.viewer.email);
  await warm.getByLabel("Password").fill(DEMO_PASSWORD);
  await warm.getByRole("button", { name: "Sign in" }).click();
  await warm.waitForURL(/\/dashboard$/, { timeout: 150_000 });
  await warm.close();
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function openCredentials(page: Page) {
  await page.getByRole("main").getByRole("link", { name: APP, exact: true }).click();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Indeed Apply API token" })).toBeVisible();
}

/** Copies the secret from the Credentials tab, as a partner configuring their endpoint would. */
async function copySecret(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Show API token secret" }).click();
  const value = await page.getByRole("group", { name: "Value of API token secret" }).getByTestId("secret-value").textContent();
  expect(value?.length).toBeGreaterThan(10);
  return value!.trim();
}

function result(page: Page) {
  return page.getByRole("region", { name: "Result" }).getByRole("status");
}

test("a partner's endpoint gets signed applications: 200, 409 on Send again, 410 for an expired job, forged refused", async ({ page }) => {
  // Eight sends and their page updates, each waiting on a shared two-core machine.
  test.slow();
  await signIn(page, DEMO_USERS.developer);
  await openCredentials(page);
  secret = await copySecret(page);
  await page.getByRole("link", { name: "Open the Indeed Apply testing tool" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Indeed Apply testing tool" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Private addresses are allowed on this console");

  await page.getByLabel("Endpoint URL").fill(`${base}/indeed/apply`);
  await page.getByLabel("Sample application").selectOption({ label: "With screener questions and answers" });
  await expect(page.getByLabel("Application JSON")).toHaveValue(/"hierarchical"/);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(result(page)).toContainText("Accepted (200)");
  await expect(result(page)).toContainText("The endpoint took the application (200).");
  const request = page.getByRole("region", { name: "Result" }).getByLabel("Request sent");
  await expect(request).toContainText(`POST ${base}/indeed/apply`);
  await expect(request).toContainText("X-Indeed-Signature: ");
  await expect(request).not.toContainText(secret);
  await expect(page.getByRole("region", { name: "Result" }).getByLabel("Response received")).toContainText("application received");

  await page.getByRole("button", { name: "Send again" }).click();
  await expect(result(page)).toContainText("Duplicate (409)");

  const body = await page.getByLabel("Application JSON").inputValue();
  await page.getByLabel("Application JSON").fill(body.replace('"jobId": "WH-ASSOC-1042"', '"jobId": "EXPIRED-1"'));
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(result(page)).toContainText("Expired job (410)");

  await page.getByRole("button", { name: "Send with a wrong signature" }).click();
  await expect(result(page)).toContainText("Refused");
  await expect(result(page)).toContainText("refused the application with a wrong signature (401)");
  expect(answers.slice(-4).map((a) => a.status)).toEqual([200, 409, 410, 401]);

  // Remembered per app, and every send kept, newest first.
  await page.reload();
  await expect(page.getByLabel("Endpoint URL")).toHaveValue(`${base}/indeed/apply`);
  const history = page.getByRole("list", { name: "Sent applications" }).getByRole("listitem");
  await expect(history.nth(0)).toContainText("Refused · HTTP 401");
  await expect(history.nth(1)).toContainText("Expired job (410) · HTTP 410");
  await expect(history.nth(2)).toContainText("Duplicate (409) · HTTP 409");
  await expect(history.nth(3)).toContainText("Accepted (200) · HTTP 200");
  await expect(history.nth(0)).toContainText(DEMO_USERS.developer.name);

  // The verifier: the signature shown for the first send is this app's.
  await history.nth(3).locator("summary").click();
  const sent = (await history.nth(3).getByLabel("Request sent").textContent())!;
  const signature = /X-Indeed-Signature: (\S+)/.exec(sent)![1]!;
  const sentBody = sent.slice(sent.indexOf("\n\n") + 2);
  await page.getByLabel("Raw body").fill(sentBody);
  await page.getByLabel("X-Indeed-Signature").fill(signature);
  await page.getByRole("button", { name: "Verify signature" }).click();
  const verdict = page.getByRole("region", { name: "Signature verifier" }).getByRole("status");
  await expect(verdict).toContainText("Signed with this app’s secret.");
  await page.getByLabel("X-Indeed-Signature").fill("SGadPKocf3HD1LYXm3xGObB6hzk=");
  await page.getByRole("button", { name: "Verify signature" }).click();
  await expect(verdict).toContainText("Not signed with this app’s secret.");
  await expect(verdict).toContainText(signature);
});

test("a redirecting endpoint and a slow one get their messages", async ({ page }) => {
  // One send waits out the tool's whole 5-second timeout.
  test.slow();
  await signIn(page, DEMO_USERS.owner);
  const appId = await appIdOf(page, APP);
  await page.goto(`/apps/${appId}/indeed-apply`);
  await page.getByLabel("Sample application").selectOption({ label: "Without a resume" });

  await page.getByLabel("Endpoint URL").fill(`${base}/moved`);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(result(page)).toContainText("Redirect: integration error");
  await expect(result(page)).toContainText("Indeed does not follow redirects");
  await expect(result(page)).toContainText("https://ats.example.com/indeed/apply");

  await page.getByLabel("Endpoint URL").fill(`${base}/slow`);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(result(page)).toContainText("Timed out", { timeout: 20_000 });
  await expect(result(page)).toContainText("did not answer within 5 s");

  await page.getByLabel("Endpoint URL").fill("ftp://127.0.0.1/apply");
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Only http and https URLs can be called, not ftp.")).toBeVisible();
});

test("a viewer sees the history but cannot send; another partner gets the 404 page", async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer);
  const appId = await appIdOf(page, APP);
  await page.goto(`/apps/${appId}/indeed-apply`);
  await expect(page.getByRole("heading", { level: 2, name: "Sent applications" })).toBeVisible();
  await expect(page.getByText("Only owners and developers can send test applications")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send application" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verify signature" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, DEMO_USERS.globexOwner);
  const response = await page.goto(`/apps/${appId}/indeed-apply`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
