// What the edge (proxy.ts) answers: malformed requests that used to be framework 500s with a
// stack trace get a 4xx, and every page gets its Content-Security-Policy (decision 019).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { actionIdOf, hiddenFormFields } from "../forms";

async function signInActionId(request: APIRequestContext): Promise<string> {
  return actionIdOf(hiddenFormFields(await (await request.get("/sign-in")).text(), 'name="password"'));
}

function actionCall(id: string, extra: Record<string, string> = {}) {
  return { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...extra };
}

test("TRACE on a page is 405, not a server error", async ({ request }) => {
  for (const path of ["/sign-in", "/dashboard", "/indeed/sign-in"]) {
    const response = await request.fetch(path, { method: "TRACE", maxRedirects: 0 });
    expect(response.status(), path).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD, POST");
  }
});

test("a server action call from another origin, or an unparseable one, is 403", async ({ request, baseURL }) => {
  const id = await signInActionId(request);
  const body = '[{},"email=a@example.com&password=x"]';
  for (const origin of ["https://evil.example", "null", "not a url", "http://localhost:1"]) {
    const response = await request.post("/sign-in", { headers: actionCall(id, { Origin: origin }), data: body, maxRedirects: 0 });
    expect(response.status(), origin).toBe(403);
  }
  // Control: the same call from our own origin is answered by the action.
  const own = await request.post("/sign-in", { headers: actionCall(id, { Origin: new URL(baseURL!).origin }), data: body, maxRedirects: 0 });
  expect(own.status()).toBe(200);
});

test("a server action call with a malformed action id is 400", async ({ request }) => {
  for (const id of ["abc", "x".repeat(42), "not-an-action"]) {
    const response = await request.post("/sign-in", { headers: actionCall(id), data: "[]", maxRedirects: 0 });
    expect(response.status(), id).toBe(400);
  }
});

test("a form post to a page (no Next-Action header) from another origin, or with a broken body, is a 4xx", async ({ request }) => {
  const foreign = await request.post("/sign-in", { headers: { Origin: "https://evil.example" }, multipart: { email: "a@example.com" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  for (const data of ["", "--nope\r\ngarbage"]) {
    const response = await request.post("/sign-in", {
      headers: { "Content-Type": "multipart/form-data; boundary=something-else" },
      data,
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(data)).toBe(400);
  }
});

test("a server action body over 1 MB is 413", async ({ request }) => {
  const id = await signInActionId(request);
  const big = JSON.stringify([{}, "x".repeat(1024 * 1024 + 1)]);
  const response = await request.post("/sign-in", { headers: actionCall(id), data: big, maxRedirects: 0 });
  expect(response.status()).toBe(413);
});

test("an empty or garbage server action body is 400", async ({ request }) => {
  const id = await signInActionId(request);
  const bodies: { name: string; data: string | Buffer; type?: string }[] = [
    { name: "empty", data: "" },
    { name: "not JSON", data: "this is not an argument list" },
    { name: "JSON but no list", data: '{"email":"a@example.com"}' },
    { name: "invalid UTF-8", data: Buffer.from([0x5b, 0xff, 0xfe, 0x5d]) },
    { name: "broken multipart", data: "--nope\r\ngarbage", type: "multipart/form-data; boundary=something-else" },
  ];
  for (const body of bodies) {
    const headers = actionCall(id, body.type ? { "Content-Type": body.type } : {});
    const response = await request.post("/sign-in", { headers, data: body.data, maxRedirects: 0 });
    expect(response.status(), body.name).toBe(400);
  }
});

function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]!);
}

test("every page has a nonce-based Content-Security-Policy that its own scripts carry", async ({ request }) => {
  const seen = new Set<string>();
  for (const path of ["/sign-in", "/indeed/sign-in", "/no-such-page"]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(seen.has(nonce!)).toBe(false);
    seen.add(nonce!);
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    const html = await response.text();
    const nonces = scriptNonces(html);
    expect(nonces.length, path).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    expect(html.match(/<script\b/g)?.length).toBe(nonces.length);
  }
});

test("form-action: the console posts only to itself, the emulator also to redirect URLs", async ({ request }) => {
  const formAction = async (path: string) => /form-action ([^;]+)/.exec((await request.get(path)).headers()["content-security-policy"] ?? "")?.[1]?.trim();
  expect(await formAction("/sign-in")).toBe("'self'");
  expect(await formAction("/indeed/sign-in")).toBe("'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*");
});

test("HSTS only when the request came over https", async ({ request }) => {
  expect((await request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
  const https = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});
