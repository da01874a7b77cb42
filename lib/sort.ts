// Alphabetical order as people expect it: case-insensitive, accents after their base letter,
// and numbers in numeric order ("app-9" before "app-10").
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** ASCII punctuation and the space in the collator's order (sort.test.ts checks it). */
const PUNCTUATION = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
/** Letters the collator treats as their base letters that NFKD leaves whole. */
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l" };

/**
 * The stored sort key of a name (docs/decisions/005): the plain code-point order of keys
 * (COLLATE "C", the same on PGlite and on any PostgreSQL) is compareNames's order for names in
 * Latin letters, digits and ASCII punctuation. Lower-cased without accents; each number as its
 * digit count (two digits) then its digits, so 9 < 10; punctuation mapped below the digits in the
 * collator's order; then the exact name, the tie-break. Other scripts follow the Latin letters in
 * code-point order; other punctuation sorts together, between ASCII's and the digits.
 */
export function sortKey(name: string): string {
  // \x01 ends the folded part: below every character in it, so a prefix still sorts first.
  return `${folded(name)}\x01${name}`;
}

function folded(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðł]/g, (letter) => LETTERS[letter]!)
    .replace(/[0-9]+/g, (digits) => {
      const value = digits.replace(/^0+(?=.)/, "");
      return String(Math.min(value.length, 99)).padStart(2, "0") + value;
    })
    .replace(/[^\p{L}\p{N}]/gu, (c) => {
      const rank = PUNCTUATION.indexOf(c);
      // \x02… keeps every mapped character below "0" (0x30), above the \x01 separator.
      return String.fromCharCode(2 + (rank < 0 ? PUNCTUATION.length : rank));
    });
}
