// What text may hold before it reaches the database or a page. Every text field of every schema
// starts from `text()`, so the rule lives in one place:
// - no control characters (NUL, escape, C1 controls; tab and line breaks only where the field
//   has several lines) and no unpaired surrogates: PostgreSQL refuses NUL in text outright, and
//   the rest has no business in a name, a label or a search;
// - where the text is shown to someone who did not write it (the consent screen: app name,
//   company, links), also no invisible format characters: bidirectional overrides and
//   isolates, zero-width spaces and joiners, the byte-order mark, soft hyphens, line and
//   paragraph separators. With them a partner could make the consent screen say something else
//   than what it shows (U+202E turns "moc.elgoog" into "google.com").
// No server-only imports: the dashboard's client code reads its search with the same rule.
import { z } from "zod";

const CONTROL = /[\p{Cc}\p{Cs}]/u;
const CONTROL_BUT_LINE_BREAKS = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the control characters (such as NUL) from this field.";
export const INVISIBLE_CHARACTERS_MESSAGE =
  "Remove the invisible characters (such as right-to-left overrides or zero-width spaces): they can disguise what the text says.";

export function hasControlCharacters(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(value);
}

export function hasInvisibleCharacters(value: string): boolean {
  return INVISIBLE.test(value);
}

export interface TextOptions {
  /** Tab and line breaks allowed (descriptions, notes). */
  multiline?: boolean;
  /** Shown to people other than its author (the consent screen): invisible characters refused. */
  shown?: boolean;
  /** Refusal message for control characters, where the field's usual wording must not change. */
  message?: string;
}

/** A string schema refusing control characters (and, when `shown`, invisible ones). */
export function text({ multiline = false, shown = false, message = CONTROL_CHARACTERS_MESSAGE }: TextOptions = {}) {
  const schema = z.string().refine((v) => !hasControlCharacters(v, { multiline }), message);
  return shown ? schema.refine((v) => !hasInvisibleCharacters(v), INVISIBLE_CHARACTERS_MESSAGE) : schema;
}
