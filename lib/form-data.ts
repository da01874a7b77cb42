// Reading a submitted form. A server action is a public endpoint: any field may be missing or a
// file instead of text, so each reader falls back to what an empty form would have sent.
// A route handler's urlencoded body (URLSearchParams, lib/http/read-body.ts) reads the same way.

/** A server action's FormData or a route handler's parsed urlencoded body. */
export type FormFields = Pick<FormData, "get" | "getAll"> | URLSearchParams;

/** The field's text, or "" when it is missing or not text. */
export function formText(formData: FormFields, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** Whether a checkbox was ticked (a ticked checkbox without a value sends "on"). */
export function formFlag(formData: FormFields, key: string): boolean {
  return formData.get(key) === "on";
}

/** Every text value sent under the key, e.g. the ticked boxes of a checkbox group. */
export function formAll(formData: FormFields, key: string): string[] {
  return (formData.getAll(key) as unknown[]).filter((value): value is string => typeof value === "string");
}
