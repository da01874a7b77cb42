import { JWTSessionError } from "@auth/core/errors";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCookieRefusal } from "./session-cookie-refusal";

const secret = "s".repeat(40);
const salt = "authjs.session-token";

/**
 * The error Auth.js's session action logs: it passes the caught error itself to JWTSessionError
 * (@auth/core lib/actions/session.js), which its public constructor types do not list.
 */
const asLogged = (cause: Error) => new JWTSessionError(cause as unknown as string);

/** What Auth.js's session action logs when decoding `token` throws. */
async function loggedFor(token: string): Promise<JWTSessionError> {
  try {
    await decode({ token, secret, salt });
  } catch (error) {
    return asLogged(error as Error);
  }
  throw new Error("the token decoded");
}

describe("sessionCookieRefusal", () => {
  it("names why a forged, malformed or foreign cookie could not be read", async () => {
    expect(sessionCookieRefusal(await loggedFor("forged.not-a-jwe.value"))).toBe("ERR_JWE_INVALID");
    expect(sessionCookieRefusal(await loggedFor("a.b.c.d.e"))).toBe("ERR_JWE_INVALID");
    const foreign = await encode({ token: { sid: "x" }, secret: "another-secret-".repeat(3), salt });
    expect(sessionCookieRefusal(await loggedFor(foreign))).toBe("no matching decryption secret");
  });

  it("names an expired cookie", async () => {
    const expired = await encode({ token: { sid: "x" }, secret, salt, maxAge: -60 });
    expect(sessionCookieRefusal(await loggedFor(expired))).toBe("ERR_JWT_EXPIRED");
  });

  it("leaves failures of our own callbacks, and other errors, unexpected", () => {
    expect(sessionCookieRefusal(asLogged(new Error("connection terminated")))).toBeNull();
    expect(sessionCookieRefusal(asLogged(new TypeError("x is undefined")))).toBeNull();
    expect(sessionCookieRefusal(new Error("no matching decryption secret"))).toBeNull();
    expect(sessionCookieRefusal(null)).toBeNull();
  });
});
