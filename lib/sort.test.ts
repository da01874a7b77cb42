import { describe, expect, it } from "vitest";
import { compareNames, sortKey } from "./sort";

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

/** The order the database gives with stored keys (COLLATE "C": code points). */
function byKey(a: string, b: string): number {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

describe("sortKey", () => {
  it("gives compareNames's order for names in Latin letters, digits and ASCII punctuation", () => {
    // A fixed pseudo-random sample (reproducible), dense in near-ties: case, accents, numbers.
    const alphabet = [..."aAbBeEéÉèzZ0019 -_.,'&()ßæøÅ"];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""),
    );
    expect([...names].sort(byKey)).toEqual([...names].sort(compareNames));
  });

  it("puts numbers in numeric order and ignores case, accents and leading zeros", () => {
    expect(["app-10", "app-9", "App-1", "app-007"].sort(byKey)).toEqual(["App-1", "app-007", "app-9", "app-10"]);
    expect(sortKey("Élan 07").split("\x01")[0]).toBe(sortKey("elan 7").split("\x01")[0]);
  });

  it("keeps ASCII punctuation in the collator's order", () => {
    const punctuation = [..." _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"];
    expect(punctuation.map((c) => `x${c}y`).sort(compareNames)).toEqual(punctuation.map((c) => `x${c}y`));
    expect(punctuation.map((c) => `x${c}y`).sort(byKey)).toEqual(punctuation.map((c) => `x${c}y`));
  });
});
