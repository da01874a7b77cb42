// The one shape every server action returns, and the one wrapper that produces it. Expected
// errors (AppError, zod) become messages for the form; anything else is logged with an id and
// the user sees a generic message with that id: never a stack trace or a database message.
import { z } from "zod";
import { isAppError } from "./errors";
import { logUnexpected } from "./log";

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };

export async function runAction<T>(
  name: string,
  work: () => Promise<{ data?: T; message?: string } | void>,
): Promise<ActionResult<T>> {
  try {
    const result = (await work()) ?? {};
    return { ok: true, ...result };
  } catch (error) {
    if (isRedirectOrNotFound(error)) throw error;
    if (isAppError(error)) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    if (error instanceof z.ZodError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const key = issue.path.join(".") || "form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, error: "Some fields need your attention.", code: "VALIDATION", fieldErrors };
    }
    const id = logUnexpected(error, { action: name });
    return { ok: false, error: `Something went wrong. Please try again (reference ${id}).` };
  }
}

/** Next.js implements redirect() and notFound() by throwing: those must pass through. */
function isRedirectOrNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
