import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionCookieName, sessionUserId } from "./session-token";

const secret = "a-test-secret-of-at-least-32-characters";
const userId = "7a4e3c1e-4a3b-4b8e-9d0c-2f1e5d6c7b8a";

async function cookieFor(secure: boolean, options: { secret?: string; maxAge?: number; salt?: string } = {}) {
  const name = sessionCookieName(secure);
  const token = await encode({ token: { sub: userId }, secret: options.secret ?? secret, salt: options.salt ?? name, maxAge: options.maxAge });
  return (wanted: string) => (wanted === name ? token : undefined);
}

describe("sessionUserId", () => {
  it("reads the user id from a cookie Auth.js would have set, over http and https", async () => {
    expect(await sessionUserId(await cookieFor(false), { secure: false, secret })).toBe(userId);
    expect(await sessionUserId(await cookieFor(true), { secure: true, secret })).toBe(userId);
  });

  it("ignores the cookie of the other protocol, as Auth.js does", async () => {
    expect(await sessionUserId(await cookieFor(false), { secure: true, secret })).toBeNull();
  });

  it("refuses forged, foreign, mis-salted and expired tokens", async () => {
    expect(await sessionUserId(() => "forged.not-a-jwe.value", { secure: false, secret })).toBeNull();
    expect(await sessionUserId(await cookieFor(false, { secret: "another-secret-of-at-least-32-characters" }), { secure: false, secret })).toBeNull();
    expect(await sessionUserId(await cookieFor(false, { salt: "something-else" }), { secure: false, secret })).toBeNull();
    expect(await sessionUserId(await cookieFor(false, { maxAge: -60 }), { secure: false, secret })).toBeNull();
  });

  it("is no session without a cookie", async () => {
    expect(await sessionUserId(() => undefined, { secure: false, secret })).toBeNull();
  });
});
