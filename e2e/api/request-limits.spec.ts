// Bounded request bodies and malformed input over real HTTP: a chunked body over the limit is
// answered while the client is still sending it (the request never ends, so an endpoint that
// read the whole body first could never answer), NUL bytes at the authorization endpoint get the
// error page, and repeated client authentication failures are throttled with 429.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

/** Most this test ever sends: far more than any limit, less than the server's own caps. */
const SEND_AT_MOST = 4 * 1024 * 1024;

/** POSTs a chunked body that never ends; resolves with the answer and how much had been sent by then. */
function endlessChunkedPost(baseURL: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const url = new URL(path, baseURL);
    let sent = 0;
    const chunk = Buffer.alloc(4096, 0x61);
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (d: string) => (body += d));
        response.on("end", () => {
          clearInterval(timer);
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body, sent });
        });
      },
    );
    // Once the server has answered it may close the connection under the rest of the upload.
    request.on("error", (error) => (sent >= SEND_AT_MOST ? reject(error) : undefined));
    const timer = setInterval(() => {
      if (sent >= SEND_AT_MOST) return;
      request.write(chunk);
      sent += chunk.length;
    }, 1);
  });
}

test("every endpoint that reads a body answers a chunked body over its limit before the body ends", async ({ baseURL }) => {
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const cases: { path: string; status: number; contains: string }[] = [
    { path: "/indeed/oauth/v2/tokens", status: 400, contains: "invalid_request" },
    { path: "/indeed/v2/api/userinfo", status: 400, contains: "invalid_request" },
    { path: "/indeed/consent/submit", status: 413, contains: "This form is too large" },
    { path: "/indeed/employer/submit", status: 413, contains: "This form is too large" },
    { path: "/api/auth/signout", status: 413, contains: "larger than" },
  ];
  for (const { path, status, contains } of cases) {
    const answer = await endlessChunkedPost(baseURL!, path, form);
    expect(answer.status, path).toBe(status);
    expect(answer.body, path).toContain(contains);
    expect(answer.sent, path).toBeLessThan(SEND_AT_MOST);
  }
});

test("NUL in client_id or redirect_uri at the authorization endpoint gets the error page, never a 500", async ({ request }) => {
  for (const query of [
    "?client_id=%00&redirect_uri=https%3A%2F%2Fattacker.example%2F&response_type=code",
    `?client_id=${"a".repeat(64)}%00&redirect_uri=https%3A%2F%2Fattacker.example%2F&response_type=code`,
    "?client_id=x&redirect_uri=https%3A%2F%2Fattacker.example%2F%00&state=%00&nonce=%00",
  ]) {
    const response = await request.get(`/indeed/oauth/v2/authorize${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(400);
    expect(response.headers()["content-type"], query).toContain("text/html");
    expect(response.headers()["location"], query).toBeUndefined();
    expect(await response.text(), query).toContain("invalid_");
  }
});

test("client authentication failures for one client_id are throttled with 429 and Retry-After", async ({ request }) => {
  const clientId = randomBytes(32).toString("hex");
  const statuses: number[] = [];
  let last;
  for (let i = 0; i < 11; i++) {
    last = await request.post("/indeed/oauth/v2/tokens", {
      form: { grant_type: "client_credentials", client_id: clientId, client_secret: `guess-${i}` },
    });
    statuses.push(last.status());
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(last!.headers()["cache-control"]).toBe("no-store");
  expect(await last!.json()).toMatchObject({ error: "temporarily_unavailable" });
});
