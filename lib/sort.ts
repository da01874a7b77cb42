// Alphabetical order as people expect it: case-insensitive, accents after their base letter,
// and numbers in numeric order ("app-9" before "app-10").
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
