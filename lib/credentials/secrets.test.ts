import { describe, expect, it } from "vitest";
import { secretStatus } from "./secrets";

describe("secret status", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("is derived from revocation and expiry, revocation first", () => {
    expect(secretStatus({ revokedAt: null, expiresAt: null }, now)).toBe("ACTIVE");
    expect(secretStatus({ revokedAt: null, expiresAt: new Date("2026-12-01T12:00:01Z") }, now)).toBe("ACTIVE");
    expect(secretStatus({ revokedAt: null, expiresAt: now }, now)).toBe("EXPIRED");
    expect(secretStatus({ revokedAt: null, expiresAt: new Date("2020-01-01") }, now)).toBe("EXPIRED");
    expect(secretStatus({ revokedAt: new Date("2026-11-01"), expiresAt: new Date("2020-01-01") }, now)).toBe("REVOKED");
  });
});
