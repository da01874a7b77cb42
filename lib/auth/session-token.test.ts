import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionCookieName, sessionId } from "./session-token";

const secret = "a-test-secret-of-at-least-32-characters";
const userId = "7a4e3c1e-4a3b-4b8e-9d0c-2f1e5d6c7b8a";
const sid = "0b6f2a9e-1c7d-4e3a-8f5b-9d2c4e6a8b1f";

async function cookieFor(secure: boolean, options: { secret?: string; maxAge?: number; salt?: string } = {}) {
  const name = sessionCookieName(secure);
  const token = await encode({ token: { sub: userId, sid }, secret: options.secret ?? secret, salt: options.salt ?? name, maxAge: options.maxAge });
  return (wanted: string) => (wanted === name ? token : undefined);
}

describe("sessionId", () => {
  it("reads the session id from a cookie Auth.js would have set, over http and https", async () => {
    expect(await sessionId(await cookieFor(false), { secure: false, secret })).toBe(sid);
    expect(await sessionId(await cookieFor(true), { secure: true, secret })).toBe(sid);
  });

  it("is no session for a cookie from before sessions had rows (a user id only)", async () => {
    const name = sessionCookieName(false);
    const token = await encode({ token: { sub: userId }, secret, salt: name });
    expect(await sessionId((wanted) => (wanted === name ? token : undefined), { secure: false, secret })).toBeNull();
  });

  it("ignores the cookie of the other protocol, as Auth.js does", async () => {
    expect(await sessionId(await cookieFor(false), { secure: true, secret })).toBeNull();
  });

  it("refuses forged, foreign, mis-salted and expired tokens", async () => {
    expect(await sessionId(() => "forged.not-a-jwe.value", { secure: false, secret })).toBeNull();
    expect(await sessionId(await cookieFor(false, { secret: "another-secret-of-at-least-32-characters" }), { secure: false, secret })).toBeNull();
    expect(await sessionId(await cookieFor(false, { salt: "something-else" }), { secure: false, secret })).toBeNull();
    expect(await sessionId(await cookieFor(false, { maxAge: -60 }), { secure: false, secret })).toBeNull();
  });

  it("is no session without a cookie", async () => {
    expect(await sessionId(() => undefined, { secure: false, secret })).toBeNull();
  });
});
