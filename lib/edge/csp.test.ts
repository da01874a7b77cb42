import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspArea, newNonce } from "./csp";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)] as const));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, and no framing, plugins or base URL", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", area: "console", https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the emulator's forms end at a redirect URL the allowlist could hold, nothing else", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", area: "emulator", https: true }));
    expect(policy.get("form-action")).toBe("'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", area: "console", https: false })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ nonce: "n", area: "console", https: false, development: true })).toContain("'unsafe-eval'");
  });
});

describe("cspArea", () => {
  it("is the emulator under /indeed only", () => {
    expect(cspArea("/indeed/consent")).toBe("emulator");
    expect(cspArea("/indeed")).toBe("emulator");
    expect(cspArea("/indeedx")).toBe("console");
    expect(cspArea("/dashboard")).toBe("console");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
