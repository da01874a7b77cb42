// The emulator's authorization endpoint and form endpoints with bad input: error pages that
// never redirect where the client cannot be trusted, and never a 500.
import { expect, test } from "@playwright/test";

const AUTHORIZE = "/indeed/oauth/v2/authorize";
const HANDLE = "A".repeat(43);

test("a missing, unknown or duplicated client_id gets an error page, never a redirect", async ({ request }) => {
  const cases = [
    "",
    "?response_type=code&redirect_uri=https%3A%2F%2Fattacker.example%2F",
    `?client_id=${"z".repeat(64)}&redirect_uri=https%3A%2F%2Fattacker.example%2F&response_type=code&state=s`,
    `?client_id=a&client_id=b&redirect_uri=https%3A%2F%2Fattacker.example%2F`,
    `?client_id=${"x".repeat(5000)}`,
    "?client_id=%E0%A4%A&redirect_uri=https%3A%2F%2Fattacker.example%2F",
  ];
  for (const query of cases) {
    const response = await request.get(`${AUTHORIZE}${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(400);
    expect(response.headers()["location"], query).toBeUndefined();
    expect(response.headers()["content-type"], query).toContain("text/html");
    expect(response.headers()["cache-control"], query).toBe("no-store");
    expect(await response.text(), query).not.toContain("attacker.example");
  }
});

test("the consent and employer endpoints refuse malformed or unknown requests with 400 or a sign-in redirect", async ({ request }) => {
  for (const path of ["/indeed/consent/submit", "/indeed/employer/submit"]) {
    const json = await request.post(path, { data: { request: HANDLE }, maxRedirects: 0 });
    expect(json.status(), path).toBe(400);
    const junk = await request.post(path, { form: { request: "../../x", csrf: "y" }, maxRedirects: 0 });
    expect(junk.status(), path).toBe(400);
    // A well-formed handle without a session: sign in first (the request itself is checked then).
    const anonymous = await request.post(path, { form: { request: HANDLE, csrf: "y", decision: "allow" }, maxRedirects: 0 });
    expect(anonymous.status(), path).toBe(303);
    expect(anonymous.headers()["location"], path).toBe(`/indeed/sign-in?request=${HANDLE}`);
    const forged = await request.post(path, {
      form: { request: HANDLE, csrf: "y" },
      headers: { cookie: `indeed_session=${"B".repeat(43)}` },
      maxRedirects: 0,
    });
    expect(forged.status(), path).toBe(303);
  }
});

test("a page or step for a request that does not exist says the link does not work", async ({ request }) => {
  // The pages render the notice (an unknown handle and a malformed one look the same); the
  // route handler that moves a request on answers with its error page.
  for (const [path, status] of [
    [`/indeed/consent?request=${HANDLE}`, 200],
    ["/indeed/employer?request=%00", 200],
    ["/indeed/continue?request=zz", 400],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expect(response.headers()["location"], path).toBeUndefined();
    expect(await response.text(), path).toContain("This link does not work");
  }
});
