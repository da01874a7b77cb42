// Control characters are refused where input enters (lib/plain-text.ts): PostgreSQL cannot store
// a NUL byte, and before this rule one in a search or a sign-in email came back as a 500 or a
// logged "unexpected" error. The form refusals themselves are unit-tested on the schemas.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { hiddenFormFields } from "../forms";

const NO_CONTROL_CHARACTERS = "Enter your email address without control characters.";

async function signInCookie(request: APIRequestContext): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "viewer@acme.example", password: "partner-console-demo" },
    maxRedirects: 0,
  });
  const cookie = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0] ?? "")
    .find((c) => /^authjs\.session-token=./.test(c));
  if (!cookie) throw new Error("Sign-in set no session cookie");
  return cookie;
}

test("a NUL in the dashboard's search reads as no search, on the page and its JSON route", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const headers = { cookie: await signInCookie(request) };
  for (const q of ["%00", "acme%00", "%1B%5B31m", "%C2%85"]) {
    const page = await request.get(`/dashboard?q=${q}`, { headers, maxRedirects: 0 });
    expect(page.status(), q).toBe(200);
    expect(await page.text()).toContain("Acme Talent Pipeline-prod");

    const json = await request.get(`/api/console/dashboard?q=${q}`, { headers });
    expect(json.status(), q).toBe(200);
    expect(JSON.stringify(await json.json())).toContain("Acme Talent Pipeline-prod");
  }
  await request.dispose();
});

for (const [where, path] of [
  ["console", "/sign-in"],
  ["Indeed emulator", "/indeed/sign-in"],
] as const) {
  test(`a NUL in the ${where}'s sign-in email is a field error`, async ({ request }) => {
    const fields = hiddenFormFields(await (await request.get(path)).text(), 'name="password"');
    for (const email of ["owner@acme.example\u0000", "\u0000", "a\u0000b@example.com"]) {
      const response = await request.post(path, {
        multipart: { ...fields, email, password: "partner-console-demo" },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(email)).toBe(200);
      expect(await response.text()).toContain(NO_CONTROL_CHARACTERS);
    }
  });
}

test("a NUL in the email at Auth.js's own credentials endpoint is a sign-in error, not a server error", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "owner@acme.example\u0000", password: "partner-console-demo" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("error")).toBeTruthy();
});
