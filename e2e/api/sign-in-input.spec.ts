// The sign-in form is a server action, i.e. a public POST endpoint: whatever arrives, the answer
// is a sign-in error, never a 500 (lib/errors.ts, lib/action-result.ts). Nothing here ever yields a session.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden fields React renders into the sign-in form, so it also works without JavaScript. */
async function signInFormFields(request: APIRequestContext): Promise<Record<string, string>> {
  const html = await (await request.get("/sign-in")).text();
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = tag.match(/name="([^"]*)"/)?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(tag.match(/value="([^"]*)"/)?.[1] ?? "");
  }
  if (!Object.keys(fields).some((name) => name.startsWith("$ACTION"))) {
    throw new Error("The sign-in page has no server action form");
  }
  return fields;
}

/** The id of the sign-in server action, as the browser sends it in the Next-Action header. */
function actionId(fields: Record<string, string>): string {
  for (const [name, value] of Object.entries(fields)) {
    if (/^\$ACTION_\d+:0$/.test(name)) {
      const id = (JSON.parse(value) as { id?: unknown }).id;
      if (typeof id === "string") return id;
    }
  }
  throw new Error("No server action id in the sign-in form");
}

function expectNoSession(response: APIResponse) {
  const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
  expect(cookies.map((c) => c.value).join("\n")).not.toMatch(/authjs\.session-token=[^;]/);
}

const FORM_POSTS: { name: string; fields: Record<string, string>; message: string }[] = [
  { name: "no email and no password", fields: {}, message: "" },
  { name: "an empty email", fields: { email: "", password: "x" }, message: "Enter your email address." },
  { name: "an empty password", fields: { email: "nobody@example.com", password: "" }, message: "Enter your password." },
  {
    name: "an oversized password",
    fields: { email: "nobody@example.com", password: "x".repeat(100_000) },
    message: "",
  },
  { name: "an oversized email", fields: { email: `${"a".repeat(10_000)}@example.com`, password: "x" }, message: "" },
  {
    name: "a wrong password",
    fields: { email: "nobody@example.com", password: "wrong-password" },
    message: "The email or password is incorrect.",
  },
];

for (const post of FORM_POSTS) {
  test(`a form post with ${post.name} is a sign-in error`, async ({ request }) => {
    const fields = await signInFormFields(request);
    const response = await request.post("/sign-in", { multipart: { ...fields, ...post.fields }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expectNoSession(response);
    const body = await response.text();
    expect(body).toContain("Sign in to your partner account");
    expect(body).toContain('role="alert"');
    if (post.message) expect(body).toContain(post.message);
  });
}

// What a script, not the form, can send to the action: arguments of the wrong shape.
const ACTION_CALLS = [
  { name: "a plain object for the form data", body: '[{},{"email":"a@example.com","password":"x"}]' },
  { name: "a string for the form data", body: '[{},"email=a@example.com&password=x"]' },
  { name: "no arguments", body: "[]" },
];

test("action calls with arguments of the wrong shape are not server errors", async ({ request }) => {
  const id = actionId(await signInFormFields(request));
  for (const call of ACTION_CALLS) {
    const response = await request.post("/sign-in", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: call.body,
      maxRedirects: 0,
    });
    expect.soft(response.status(), call.name).toBeLessThan(500);
    expectNoSession(response);
  }
});

test("Auth.js's own credentials endpoint rejects bad input without a server error", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const bodies: Record<string, string>[] = [
    { csrfToken },
    { csrfToken, email: "owner@acme.example", password: "" },
    { csrfToken, email: "x".repeat(5_000), password: "y".repeat(5_000) },
    { email: "owner@acme.example", password: "partner-console-demo" },
  ];
  for (const form of bodies) {
    const response = await request.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(Object.keys(form))).toBeLessThan(500);
    expectNoSession(response);
    const location = new URL(response.headers()["location"] ?? "", "http://x");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBeTruthy();
  }
});

// Controls: the same requests with good input do sign in, so the checks above can fail.
test("a form post with the right password signs in, and never redirects off the site", async ({ request, baseURL }) => {
  const fields = await signInFormFields(request);
  const response = await request.post("/sign-in", {
    multipart: {
      ...fields,
      email: "viewer@acme.example",
      password: "partner-console-demo",
      callbackUrl: "//evil.example/",
    },
    maxRedirects: 0,
  });
  expect([302, 303, 307]).toContain(response.status());
  expect(() => expectNoSession(response)).toThrow();
  expect(new URL(response.headers()["location"] ?? "", baseURL).href).toBe(new URL("/dashboard", baseURL).href);
});

test("Auth.js's credentials endpoint with a CSRF token and the right password signs in", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "viewer@acme.example", password: "partner-console-demo" },
    maxRedirects: 0,
  });
  expect(() => expectNoSession(response)).toThrow();
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email).toBe("viewer@acme.example");
});
