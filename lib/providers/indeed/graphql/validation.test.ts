import { describe, expect, it } from "vitest";
import { isCountryCode, isCurrencyCode, parseDateTime } from "./validation";

describe("input formats", () => {
  it("parses ISO 8601 date-times with a zone, and nothing else", () => {
    expect(parseDateTime("2026-12-01T09:00:00Z")?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(parseDateTime("2026-12-01T10:00:00+01:00")?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    for (const bad of ["2026-12-01", "2026-12-01T09:00:00", "2026-02-30T09:00:00Z", "yesterday", "2026-13-01T00:00Z"]) {
      expect(parseDateTime(bad)).toBeNull();
    }
  });

  it("knows ISO country and currency codes", () => {
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("UK")).toBe(false);
    expect(isCountryCode("ZZ")).toBe(false);
    expect(isCountryCode("EU")).toBe(false);
    expect(isCountryCode("XK")).toBe(true);
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(isCurrencyCode("XYZ")).toBe(false);
  });
});
