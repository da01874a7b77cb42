import { expect, test } from "@playwright/test";

const SOME_APP = "/apps/00000000-0000-4000-8000-000000000000/services";

test("the dashboard without a session redirects to the sign-in page", async ({ request }) => {
  const response = await request.get("/dashboard", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(response.status());
  expect(new URL(response.headers()["location"] ?? "", "http://x").pathname).toBe("/sign-in");
  expect(response.headers()["location"]).not.toContain("callbackUrl");

  const followed = await request.get("/dashboard");
  expect(followed.status()).toBe(200);
  expect(new URL(followed.url()).pathname).toBe("/sign-in");
});

test("a deeper page without a session redirects to the sign-in page, remembering where it was going", async ({
  request,
}) => {
  const response = await request.get(SOME_APP, { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(response.status());
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("callbackUrl")).toBe(SOME_APP);
});

test("the session endpoint without a cookie returns an empty session", async ({ request }) => {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toBeNull();
});

test("a forged session cookie is no session, and no error", async ({ request }) => {
  const headers = { cookie: "authjs.session-token=forged.not-a-jwe.value" };
  const session = await request.get("/api/auth/session", { headers });
  expect(session.status()).toBe(200);
  expect(await session.json()).toBeNull();

  // The cookie gets past the proxy; the page itself must still refuse it.
  const dashboard = await request.get("/dashboard", { headers, maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);
  expect(new URL(dashboard.headers()["location"] ?? "", "http://console.test").pathname).toBe("/sign-in");
  expect(await dashboard.text()).not.toContain("Sign out");
});
