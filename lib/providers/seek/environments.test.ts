import { describe, expect, it } from "vitest";
import { environmentOfAudience, environmentOfScheme, parseObjectId } from "./environments";

describe("SEEK environments", () => {
  it("tells the environment by the exact audience only", () => {
    expect(environmentOfAudience("https://test.graphql.seek.com")).toBe("PLAYGROUND");
    expect(environmentOfAudience("https://graphql.seek.com")).toBe("LIVE");
    for (const other of ["https://graphql.seek.com/", "http://graphql.seek.com", " https://graphql.seek.com", "https://auth.seek.com"]) {
      expect(environmentOfAudience(other)).toBeNull();
    }
  });

  it("tells the environment of an object by its scheme", () => {
    expect(["seekAnzPublicTest", "globalPublicTest"].map(environmentOfScheme)).toEqual(["PLAYGROUND", "PLAYGROUND"]);
    expect(["seekAnz", "global"].map(environmentOfScheme)).toEqual(["LIVE", "LIVE"]);
    expect(environmentOfScheme("seekanz")).toBeNull();
  });

  it("parses object ids as given, trimming nothing", () => {
    expect(parseObjectId("seekAnzPublicTest:organization:seek:93WyyF1h")).toEqual({
      scheme: "seekAnzPublicTest",
      type: "organization",
      namespace: "seek",
      value: "93WyyF1h",
    });
    for (const bad of [" seekAnz:organization:seek:abc", "seekAnz:organization:seek:abc ", "seekAnz:organization:seek", "seekAnz::seek:abc", ""]) {
      expect(parseObjectId(bad)).toBeNull();
    }
  });
});
