// SEEK's cache and retry rules, as the token tool applies them: reuse for expires_in minus a
// minute, one cache entry per hirer and scope set, one retry on UNAUTHENTICATED and none on
// FORBIDDEN.
import { describe, expect, it } from "vitest";
import { browserTokenEntry, browserTokenRetry, cacheUntil, graphqlErrorCodes, graphqlRetry, scopeSet } from "./rules";

const now = new Date("2026-12-01T10:00:00.000Z");
const answer = (...codes: (string | undefined)[]) => ({ data: null, errors: codes.map((code) => ({ message: "m", ...(code ? { extensions: { code } } : {}) })) });

describe("cacheUntil", () => {
  it("reuses a token until a minute before it expires, for the expires_in of each answer", () => {
    expect(cacheUntil(1800, now)).toEqual(new Date("2026-12-01T10:29:00.000Z"));
    expect(cacheUntil(86_400, now)).toEqual(new Date("2026-12-02T09:59:00.000Z"));
    expect(cacheUntil(61, now)).toEqual(new Date("2026-12-01T10:00:01.000Z"));
  });

  it("does not cache a token that lives no longer than the buffer, or states no lifetime", () => {
    expect(cacheUntil(60, now)).toBeNull();
    expect(cacheUntil(0, now)).toBeNull();
    expect(cacheUntil(-5, now)).toBeNull();
    expect(cacheUntil(undefined, now)).toBeNull();
    expect(cacheUntil(Number.NaN, now)).toBeNull();
  });
});

describe("browserTokenEntry", () => {
  const hirer = "seekAnzPublicTest:organization:seek:93WyyF1h";

  it("is the same for the same hirer and scope set, in any order and with duplicates", () => {
    const a = browserTokenEntry(hirer, ["query:organizations", "query:ontologies"]);
    expect(browserTokenEntry(hirer, ["query:ontologies", "query:organizations", "query:ontologies"])).toBe(a);
    expect(a).toMatch(/^browser_token_[A-Za-z0-9_-]{16}$/);
  });

  it("differs for another hirer or another scope set", () => {
    const a = browserTokenEntry(hirer, ["query:organizations"]);
    expect(browserTokenEntry("seekAnzPublicTest:organization:seek:Bq2fT8xL", ["query:organizations"])).not.toBe(a);
    expect(browserTokenEntry(hirer, ["query:organizations", "query:ontologies"])).not.toBe(a);
    expect(browserTokenEntry(hirer, ["query:ontologies"])).not.toBe(a);
  });

  it("cannot be confused by a hirer id that carries a scope", () => {
    expect(browserTokenEntry("h a", ["b"])).not.toBe(browserTokenEntry("h", ["a", "b"]));
  });

  it("sorts and deduplicates scopes", () => {
    expect(scopeSet(["b", "a", "b", ""])).toEqual(["a", "b"]);
  });
});

describe("graphqlRetry", () => {
  it("retries an UNAUTHENTICATED answer once, on the first attempt only", () => {
    expect(graphqlRetry(answer("UNAUTHENTICATED"), 1)).toMatchObject({ retry: true });
    expect(graphqlRetry(answer("UNAUTHENTICATED", "UNAUTHENTICATED"), 1)).toMatchObject({ retry: true });
    expect(graphqlRetry(answer("UNAUTHENTICATED"), 2)).toEqual({ retry: false, reason: expect.stringContaining("after the one retry") });
  });

  it("never retries FORBIDDEN, even beside UNAUTHENTICATED", () => {
    expect(graphqlRetry(answer("FORBIDDEN"), 1)).toEqual({ retry: false, reason: expect.stringContaining("FORBIDDEN is not retried") });
    expect(graphqlRetry(answer("UNAUTHENTICATED", "FORBIDDEN"), 1)).toMatchObject({ retry: false });
  });

  it("does not retry a success, bad input or an answer that is no GraphQL answer", () => {
    expect(graphqlRetry({ data: { version: "1" } }, 1)).toEqual({ retry: false, reason: null });
    expect(graphqlRetry(answer("BAD_USER_INPUT"), 1)).toEqual({ retry: false, reason: null });
    expect(graphqlRetry(answer(undefined), 1)).toEqual({ retry: false, reason: null });
    expect(graphqlRetry(null, 1)).toEqual({ retry: false, reason: null });
    expect(graphqlRetry("UNAUTHENTICATED", 1)).toEqual({ retry: false, reason: null });
  });

  it("reads each error's code", () => {
    expect(graphqlErrorCodes(answer("FORBIDDEN", undefined))).toEqual(["FORBIDDEN", ""]);
    expect(graphqlErrorCodes({ errors: [null, { extensions: { code: 7 } }] })).toEqual(["", ""]);
    expect(graphqlErrorCodes({ errors: "x" })).toEqual([]);
  });
});

describe("browserTokenRetry", () => {
  it("retries a 401 once with a new partner token, and nothing else", () => {
    expect(browserTokenRetry(401, 1)).toMatchObject({ retry: true });
    expect(browserTokenRetry(401, 2)).toMatchObject({ retry: false });
    for (const status of [200, 400, 403, 404, 429, 500]) expect(browserTokenRetry(status, 1)).toEqual({ retry: false, reason: null });
  });
});
