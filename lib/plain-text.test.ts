import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, hasInvisibleCharacters, INVISIBLE_CHARACTERS_MESSAGE, text } from "./plain-text";

function refusal(schema: ReturnType<typeof text>, value: string) {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]?.message;
}

describe("hasControlCharacters", () => {
  it("finds NUL, other C0 and C1 controls, DEL and unpaired surrogates", () => {
    for (const value of ["a\u0000b", "\u001b[31m", "x\u007f", "\u0085", "\ud800", "end\udfff"]) {
      expect(hasControlCharacters(value), JSON.stringify(value)).toBe(true);
    }
  });

  it("allows tab and line breaks only in multi-line text", () => {
    for (const value of ["a\tb", "a\nb", "a\r\nb"]) {
      expect(hasControlCharacters(value)).toBe(true);
      expect(hasControlCharacters(value, { multiline: true })).toBe(false);
    }
    expect(hasControlCharacters("a\n\u0000", { multiline: true })).toBe(true);
  });

  it("passes ordinary text in any script, with emoji", () => {
    for (const value of ["Acme Recruiting", "Müller & Söhne", "株式会社", "שלום", "🚀 Launch", ""]) {
      expect(hasControlCharacters(value), value).toBe(false);
    }
  });
});

describe("hasInvisibleCharacters", () => {
  it("finds bidi overrides and isolates, zero-width characters, BOM, soft hyphen, line separators", () => {
    const invisible = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029"];
    for (const ch of invisible) expect(hasInvisibleCharacters(`Acme${ch}Corp`), ch.codePointAt(0)?.toString(16)).toBe(true);
  });

  it("passes right-to-left scripts themselves", () => {
    expect(hasInvisibleCharacters("شركة أكمي")).toBe(false);
    expect(hasInvisibleCharacters("Acme Recruiting")).toBe(false);
  });
});

describe("text()", () => {
  it("refuses control characters with the field message, or the one given", () => {
    expect(refusal(text(), "Acme\u0000")).toBe(CONTROL_CHARACTERS_MESSAGE);
    expect(refusal(text({ message: "Nope." }), "\u0000")).toBe("Nope.");
    expect(refusal(text(), "Acme")).toBeNull();
  });

  it("refuses invisible characters only in text shown to others", () => {
    expect(refusal(text({ shown: true }), "Acme\u202eetats")).toBe(INVISIBLE_CHARACTERS_MESSAGE);
    expect(refusal(text(), "Acme\u202eetats")).toBeNull();
  });

  it("keeps string methods chainable after the refinement", () => {
    const schema = text({ shown: true }).trim().max(5, "Too long.");
    expect(schema.parse("  ab  ")).toBe("ab");
    expect(refusal(schema, "abcdef")).toBe("Too long.");
  });
});
