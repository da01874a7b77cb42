// The Job Sync testing tool's targets in Chromium: the emulator by default, or a custom base URL
// that the console calls through its outbound rules. A target nothing listens on, or whose name
// does not resolve, shows its reason next to the result, with the token request's exchange,
// never a hang or a 500; a URL the console may not call is refused by the field.
import { DEMO_USERS, expect, signIn, test } from "../fixtures";

test("an unreachable custom target shows its reason; a bad URL is refused by its field", async ({ page }) => {
  await signIn(page, DEMO_USERS.owner);
  await page.goto("/dashboard");
  await page.getByRole("main").getByRole("link", { name: "AceRecruitersApp-dev", exact: true }).click();
  await page.getByRole("link", { name: "Testing tool for the Job Sync API" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Job Sync API testing tool" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "This console’s emulator" })).toBeChecked();

  await page.getByRole("radio", { name: "Custom issuer or base URL" }).check();
  const baseUrl = page.getByRole("textbox", { name: "Base URL" });
  for (const [url, message] of [
    ["http://127.0.0.1:9", "127.0.0.1:9 refused the connection (nothing listens on that port)."],
    ["https://no-such-host.invalid", "The name no-such-host.invalid could not be resolved."],
  ] as const) {
    await baseUrl.fill(url);
    await page.getByRole("button", { name: "Send request" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result.getByRole("alert")).toHaveText(message);
    await expect(result).toContainText("sent to Custom issuer or base URL");
    await expect(result.getByText(new RegExp(`^Token request: POST ${url.replace(/[.]/g, "\\.")}/oauth/v2/tokens → `))).toBeVisible();
  }

  await baseUrl.fill("ftp://example.com");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Only http and https URLs can be called, not ftp.")).toBeVisible();

  // Back on the emulator, the same page answers.
  await page.getByRole("radio", { name: "This console’s emulator" }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByLabel("Response body")).toContainText('"_simulatedMessage": "This is a simulated response"');
  const result = page.getByRole("region", { name: "Result" });
  await expect(result.getByText(/^GraphQL request: POST http:\/\/localhost:\d+\/indeed\/graphql → HTTP 200/)).toBeVisible();
  // The token is masked in the exchange, as the token tool masks it.
  await result.getByText(/^GraphQL request: POST/).click();
  await expect(result.getByLabel("GraphQL request: request")).toContainText(/authorization: Bearer \S{6}…\S{6} \(\d+ characters\)/);
});
