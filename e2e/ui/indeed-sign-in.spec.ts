// The Indeed emulator's own site: its sign-in and session, apart from the console's, and the
// error page for authorize requests that must not go back to any client.
import { DEMO_USERS, WRONG_CREDENTIALS, expect, signIn, test } from "../fixtures";
import { SANDBOX, authorizeUrl, signInToIndeed } from "../indeed";

test("an authorize request for an unknown client shows an error page and goes nowhere", async ({ page, baseURL }) => {
  const url = authorizeUrl(baseURL!, {
    client_id: "z".repeat(64),
    redirect_uri: "https://attacker.example/callback",
    response_type: "code",
    state: "s",
  });
  const response = await page.goto(url);
  expect(response?.status()).toBe(400);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByRole("heading", { level: 1, name: "This app's sign-in link is not valid" })).toBeVisible();
  await expect(page.getByRole("link")).toHaveCount(0);
});

test("the emulator signs in with its own session cookie, separate from the console's", async ({ page }) => {
  await page.goto("/indeed/sign-in");
  // No console chrome on the emulator's pages.
  await expect(page.getByRole("link", { name: "Partner Console" })).toHaveCount(0);

  // One message for a wrong password, an unknown email and a console account (not an Indeed one).
  for (const [email, password] of [
    [SANDBOX.jobseeker, "not-the-password"],
    ["nobody@sandbox.example", "not-the-password"],
    [DEMO_USERS.owner.email, undefined],
  ] as const) {
    await signInToIndeed(page, email, password);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    // The answer has arrived once the form shows the email it was sent with and no password.
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }

  await signInToIndeed(page, SANDBOX.jobseeker);
  await expect(page).toHaveURL(/\/indeed\/authorized-applications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Authorized applications" })).toBeVisible();
  await expect(page.getByText("No app has access to your account.")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(SANDBOX.jobseeker);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "indeed_session");
  expect(session).toMatchObject({ path: "/indeed", httpOnly: true, sameSite: "Lax" });
  expect(cookies.some((c) => c.name.includes("authjs.session-token"))).toBe(false);

  // Signed in to Indeed is not signed in to the console…
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  // …and the other way round.
  await signIn(page, DEMO_USERS.owner);
  await page.goto("/indeed/sign-in");
  await expect(page).toHaveURL(/\/indeed\/authorized-applications$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/indeed\/sign-in$/);
  expect((await page.context().cookies()).some((c) => c.name === "indeed_session")).toBe(false);
  await page.goto("/dashboard");
  await expect(page.getByRole("banner")).toContainText(DEMO_USERS.owner.name);
});

test("the authorized applications page sends the signed-out to sign in", async ({ page }) => {
  await page.goto("/indeed/authorized-applications");
  await expect(page).toHaveURL(/\/indeed\/sign-in$/);
  await expect(page.getByText("to your sandbox Indeed account")).toBeVisible();
});
