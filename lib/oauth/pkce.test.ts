import { describe, expect, it } from "vitest";
import { assertVerifierSyntax, isS256Challenge, s256, verifyPkce } from "./pkce";

// RFC 7636 Appendix B.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE", () => {
  it("computes RFC 7636's S256 example", () => {
    expect(s256(VERIFIER)).toBe(CHALLENGE);
    expect(isS256Challenge(CHALLENGE)).toBe(true);
    expect(isS256Challenge(VERIFIER.slice(0, 42))).toBe(false);
  });

  it("accepts the matching verifier only", () => {
    expect(() => verifyPkce(CHALLENGE, VERIFIER, { required: true })).not.toThrow();
    expect(() => verifyPkce(CHALLENGE, `${VERIFIER.slice(0, -1)}l`, { required: false })).toThrow(/does not match/);
    expect(() => verifyPkce(CHALLENGE, undefined, { required: false })).toThrow(/missing/);
    // A plain-method "challenge" (the verifier itself) never matches.
    expect(() => verifyPkce(VERIFIER, VERIFIER, { required: false })).toThrow(/does not match/);
  });

  it("refuses a verifier for a code without challenge, and no PKCE where it is required", () => {
    expect(() => verifyPkce(null, VERIFIER, { required: false })).toThrow(/without a code_challenge/);
    expect(() => verifyPkce(null, undefined, { required: true })).toThrow(/public client/);
    expect(() => verifyPkce(null, undefined, { required: false })).not.toThrow();
  });

  it("checks the verifier's syntax (43 to 128 unreserved characters)", () => {
    expect(() => assertVerifierSyntax(VERIFIER)).not.toThrow();
    expect(() => assertVerifierSyntax("a".repeat(128))).not.toThrow();
    expect(() => assertVerifierSyntax(undefined)).not.toThrow();
    for (const bad of ["a".repeat(42), "a".repeat(129), `${"a".repeat(42)}+`, `${"a".repeat(42)} `]) {
      expect(() => assertVerifierSyntax(bad)).toThrow(expect.objectContaining({ error: "invalid_request" }));
    }
  });
});
