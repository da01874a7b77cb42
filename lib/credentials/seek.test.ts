import { describe, expect, it } from "vitest";
import { hirerIdEnvironment, issuedBeforeCutoff, seekSecretSealContext, sortRelationshipTypes } from "./seek";

describe("hirerIdEnvironment", () => {
  it("reads the environment from the scheme", () => {
    expect(hirerIdEnvironment("seekAnzPublicTest:organization:seek:93WyyF1h")).toBe("PLAYGROUND");
    expect(hirerIdEnvironment("seekAnz:organization:seek:abc123")).toBe("LIVE");
  });

  it("recognises nothing else, whitespace included", () => {
    for (const id of [
      " seekAnzPublicTest:organization:seek:93WyyF1h",
      "seekAnzPublicTest:organization:seek:93WyyF1h ",
      "globalPublicTest:organization:seek:93WyyF1h",
      "seekAnz:position:seek:abc",
      "seekAnz:organization:seek:",
      "seekAnz:organization:seek:a-b",
      "12345",
    ]) {
      expect(hirerIdEnvironment(id), id).toBeNull();
    }
  });
});

describe("issuedBeforeCutoff", () => {
  const cutoff = new Date("2026-12-01T10:00:00.400Z");
  it("refuses tokens whose iat second started before the cutoff", () => {
    expect(issuedBeforeCutoff(Date.parse("2026-12-01T09:59:59Z") / 1000, cutoff)).toBe(true);
    expect(issuedBeforeCutoff(Date.parse("2026-12-01T10:00:00Z") / 1000, cutoff)).toBe(true);
  });
  it("accepts later tokens and everything without a cutoff", () => {
    expect(issuedBeforeCutoff(Date.parse("2026-12-01T10:00:01Z") / 1000, cutoff)).toBe(false);
    expect(issuedBeforeCutoff(0, null)).toBe(false);
  });
});

describe("secret helpers", () => {
  it("binds a sealed value to a SEEK secret row, distinct from Indeed's context", () => {
    expect(seekSecretSealContext("abc")).toBe("seek-client-secret:abc");
  });
  it("orders relationship types as SEEK lists them, once each", () => {
    expect(sortRelationshipTypes(["JobPosting", "ApplicationExport", "JobPosting"])).toEqual(["ApplicationExport", "JobPosting"]);
  });
});
