import { describe, expect, it } from "vitest";
import { orderScopes, parseScope } from "./scope";

const POLICY = { scopes: ["email", "offline_access", "employer_access"] };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("scopes", () => {
  it("orders by the provider's table, drops duplicates, puts unknown ones last alphabetically", () => {
    expect(orderScopes(POLICY, ["employer_access", "zeta", "email", "alpha", "email"])).toEqual(["email", "employer_access", "alpha", "zeta"]);
  });

  it("parses a space-delimited parameter into the provider's order", () => {
    expect(parseScope(POLICY, undefined)).toEqual([]);
    expect(parseScope(POLICY, " employer_access  email ")).toEqual(["email", "employer_access"]);
    expect(parseScope(POLICY, "openid email", { ignore: ["openid"] })).toEqual(["email"]);
  });

  it("refuses malformed, unknown and not allowed scopes as invalid_scope (RFC 6749 §4.1.2.1, §5.2)", () => {
    expect(refusal(() => parseScope(POLICY, 'email "quoted"'))).toMatchObject({ error: "invalid_scope" });
    expect(refusal(() => parseScope(POLICY, "email\\n"))).toMatchObject({ error: "invalid_scope" });
    expect(refusal(() => parseScope(POLICY, "email ".repeat(300)))).toMatchObject({ error: "invalid_scope" });
    expect(refusal(() => parseScope(POLICY, "email profile openid"))).toMatchObject({
      error: "invalid_scope",
      description: "Unknown scope: profile openid.",
    });
    expect(refusal(() => parseScope(POLICY, "employer_access email", { allowed: ["employer_access"] }))).toMatchObject({
      error: "invalid_scope",
      description: "Scope not available to this grant: email.",
    });
  });
});
