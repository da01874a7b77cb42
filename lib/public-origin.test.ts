import { describe, expect, it } from "vitest";
import { discoveryResponse } from "./providers/indeed/discovery";
import { publicUrlMissing } from "./env";
import { publicOrigin } from "./public-origin";

// The test process runs without PUBLIC_URL, on the embedded database, outside production.
describe("without PUBLIC_URL", () => {
  it("builds the origin on the request, and is no misconfiguration outside a deployment", () => {
    expect(publicUrlMissing()).toBe(false);
    expect(publicOrigin(new Request("http://emulator.test:8080/indeed/x"))).toBe("http://emulator.test:8080");
  });

  it("keeps the discovery document, which then follows the request's host, out of shared caches", () => {
    const a = discoveryResponse(new Request("http://one.test/indeed/.well-known/openid-configuration"));
    expect(a.headers.get("cache-control")).toBe("private, max-age=300");
    expect(a.headers.get("vary")).toBe("Host, X-Forwarded-Host");
  });
});
