import { describe, expect, it } from "vitest";
import { compareNames } from "./sort";

describe("compareNames", () => {
  it("sorts case-insensitively", () => {
    expect(["beta", "Alpha", "alpha2", "Gamma", "delta"].sort(compareNames)).toEqual([
      "Alpha",
      "alpha2",
      "beta",
      "delta",
      "Gamma",
    ]);
  });

  it("puts numbers in numeric order", () => {
    expect(["app-10", "app-9", "app-1"].sort(compareNames)).toEqual(["app-1", "app-9", "app-10"]);
  });

  it("is a total order: names equal but for case still have a fixed order", () => {
    expect(compareNames("acme", "ACME")).not.toBe(0);
    expect(Math.sign(compareNames("acme", "ACME"))).toBe(-Math.sign(compareNames("ACME", "acme")));
  });
});
