import { expect, test } from "@playwright/test";

const PATHS = ["/sign-in", "/dashboard", "/api/auth/session", "/no-such-page"];

for (const path of PATHS) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}
