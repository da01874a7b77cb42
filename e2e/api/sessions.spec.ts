// Signing out ends the session on the server: a copy of the cookie taken before sign-out (by
// either sign-out route) no longer signs anyone in (decision 003). Each test signs in a session
// of its own, so other tests' sessions of the same demo user are unaffected.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { hiddenFormFields } from "../forms";

const VIEWER = { email: "viewer@acme.example", password: "partner-console-demo", name: "Victor Viewer" };

/** Signs in through Auth.js's credentials endpoint; returns the session cookie as a header. */
async function signIn(request: APIRequestContext): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: VIEWER.email, password: VIEWER.password },
    maxRedirects: 0,
  });
  const cookie = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0] ?? "")
    .find((c) => /^authjs\.session-token=./.test(c));
  if (!cookie) throw new Error(`Sign-in set no session cookie (HTTP ${response.status()})`);
  return cookie;
}

/** What the server makes of a replayed cookie: the signed-in user's name on the dashboard, or null. */
async function dashboardUser(request: APIRequestContext, cookie: string): Promise<string | null> {
  const response = await request.get("/dashboard", { headers: { cookie }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  if (response.status() !== 200) return null;
  const html = await response.text();
  return html.includes("Sign out") && html.includes(VIEWER.name) ? VIEWER.name : null;
}

async function sessionEndpoint(request: APIRequestContext, cookie: string) {
  const response = await request.get("/api/auth/session", { headers: { cookie } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { user?: { email?: string } } | null;
}

test("after Auth.js's sign-out endpoint, a copy of the old cookie is no session", async ({ playwright, baseURL }) => {
  const browser = await playwright.request.newContext({ baseURL });
  const attacker = await playwright.request.newContext({ baseURL });
  const cookie = await signIn(browser);
  expect(await dashboardUser(attacker, cookie)).toBe(VIEWER.name);
  expect((await sessionEndpoint(attacker, cookie))?.user?.email).toBe(VIEWER.email);

  const { csrfToken } = (await (await browser.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await browser.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.status()).toBeLessThan(400);

  expect(await dashboardUser(attacker, cookie)).toBeNull();
  expect(await sessionEndpoint(attacker, cookie)).toBeNull();
  await Promise.all([browser.dispose(), attacker.dispose()]);
});

test("after the console's sign-out button, a copy of the old cookie is no session", async ({ playwright, baseURL }) => {
  const browser = await playwright.request.newContext({ baseURL });
  const attacker = await playwright.request.newContext({ baseURL });
  const elsewhere = await playwright.request.newContext({ baseURL });
  const cookie = await signIn(browser);
  const other = await signIn(elsewhere);

  // The header's sign-out form as a browser without JavaScript submits it.
  const html = await (await browser.get("/dashboard", { headers: { cookie } })).text();
  const fields = hiddenFormFields(html, "Sign out");
  const signOut = await browser.post("/dashboard", { headers: { cookie }, multipart: fields, maxRedirects: 0 });
  expect(signOut.status()).toBeLessThan(400);
  expect(new URL(signOut.headers()["location"] ?? "", baseURL).pathname).toBe("/sign-in");

  expect(await dashboardUser(attacker, cookie)).toBeNull();
  expect(await sessionEndpoint(attacker, cookie)).toBeNull();
  // Only that session ended: the same user's other sign-in still works.
  expect(await dashboardUser(attacker, other)).toBe(VIEWER.name);
  await Promise.all([browser.dispose(), attacker.dispose(), elsewhere.dispose()]);
});
