import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidToken } from "./errors";
import { protectedResource, type BearerIssuer } from "./protected-resource";

// Tokens of the fake issuer are "good.<kind>.<scopes joined by ~>"; anything else fails verification.
const ISSUER: BearerIssuer<{ kind: string; scope: string }> = {
  realm: "fake",
  async verify(token) {
    const [good, kind = "", scope = ""] = token.split(".");
    if (good !== "good") throw new InvalidToken("The access token is invalid.");
    return { kind, scope: scope.replace(/~/g, " ") };
  },
};

const handled = vi.fn(async (kind: string, scopes: readonly string[]) => ({ kind, scopes }));

const resource = protectedResource(ISSUER, {
  name: "fakeinfo",
  route: "/fake/info",
  accept(claims) {
    if (claims.kind !== "app") throw new InvalidToken("The fakeinfo endpoint takes app tokens.");
    return claims.kind;
  },
  scope: "read",
  handle: (kind, scopes) => handled(kind, scopes),
});

function get(authorization?: string) {
  return resource(new Request("http://emulator.test/fake/info", { headers: authorization ? { authorization } : {} }));
}

async function answer(authorization?: string) {
  const response = await get(authorization);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate"),
    body: response.status === 401 && !response.headers.get("content-type") ? null : await response.json(),
  };
}

afterEach(() => {
  handled.mockClear();
  vi.restoreAllMocks();
});

describe("a protected resource's order of checks", () => {
  it("answers no token with a bare challenge and no error code (RFC 6750 §3.1)", async () => {
    expect(await answer()).toEqual({ status: 401, challenge: 'Bearer realm="fake"', body: null });
  });

  it("refuses a token its issuer does not verify, before asking its kind or scope", async () => {
    const { status, body, challenge } = await answer("Bearer bad.user.");
    expect(status).toBe(401);
    expect(body).toEqual({ error: "invalid_token", error_description: "The access token is invalid." });
    expect(challenge).toMatch(/^Bearer realm="fake", error="invalid_token"/);
  });

  it("refuses a token of the wrong kind as invalid_token, even without the scope", async () => {
    expect((await answer("Bearer good.user.")).body).toMatchObject({ error: "invalid_token" });
  });

  it("refuses a token without the scope as insufficient_scope, naming the scope", async () => {
    const { status, body, challenge } = await answer("Bearer good.app.write");
    expect(status).toBe(403);
    expect(body).toEqual({ error: "insufficient_scope", error_description: "The fakeinfo endpoint needs a token with the read scope." });
    expect(challenge).toContain('scope="read"');
    expect(handled).not.toHaveBeenCalled();
  });

  it("hands the accepted token and its scopes to the resource", async () => {
    expect(await answer("Bearer good.app.write~read")).toEqual({ status: 200, challenge: null, body: { kind: "app", scopes: ["write", "read"] } });
  });

  it("answers an unexpected failure as server_error with a logged reference", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    handled.mockRejectedValueOnce(new Error("database down: secret detail"));
    const { status, body } = await answer("Bearer good.app.read");
    expect(status).toBe(500);
    expect(body.error).toBe("server_error");
    expect(JSON.stringify(body)).not.toContain("secret detail");
    expect(logged).toHaveBeenCalledOnce();
  });
});
