import "server-only";
// The one way to write a server action (docs/decisions/017-server-actions.md). A server action
// is a public POST endpoint: anyone can call it with anything. Each one is built here, so each
// one does the same four steps in the same order:
//
//   1. the session: signed out is a redirect to /sign-in;
//   2. the permission, when the action needs one whatever it touches (admin work). Actions on
//      one app leave it out: lib/data finds the app through the tenant filter first, so another
//      partner's app is "not found" before a viewer is "forbidden";
//   3. the input, parsed with its zod schema. This is the only place a console input is
//      validated: lib/data receives the parsed value, typed as the schema's output;
//   4. the work, given { user, input }, returning an optional message and data.
//
// Expected errors (AppError, and the input's own zod issues) become an ActionResult the form
// shows next to its fields; anything else is logged with an id and the user sees a generic
// message with that id: never a stack trace or a database message.
//
// Object input, e.g. from a dialog:
//
//   export const revokeSecretAction = action(
//     { name: "revokeSecret", input: secretRef },
//     async ({ user, input }) => {
//       const { label } = await revokeSecret(user, input);
//       revalidatePath(`/apps/${input.appId}/credentials`);
//       return { message: `Revoked the secret “${label}”.` };
//     },
//   );
//
// A form, read with the reader that stands next to its schema (the client form reads its
// values back with the same reader):
//
//   export const createServiceAction = formAction(
//     { name: "createService", input: serviceInput, read: readServiceForm, permission: "apps:create" },
//     async ({ user, input }) => { … },
//   );
//
// Next.js accepts these exports in a "use server" file: each is an async function.
import { z } from "zod";
import type { ActionResult } from "./action-result";
import { assertCan, type Permission } from "./auth/permissions";
import { requireUser, type SessionUser } from "./auth/session";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "./db-unavailable";
import { AppError, FIELDS_NEED_ATTENTION, isAppError, UNAVAILABLE_MESSAGE } from "./errors";
import { logUnexpected } from "./log";

type Outcome<T> = { data?: T; message?: string } | void;

interface ActionOptions<S extends z.ZodType> {
  /** Names the action in log lines. */
  name: string;
  /** Parses the input; the work gets its output. */
  input: S;
  /** Checked before the input is read: a caller without it learns nothing about the input's rules. */
  permission?: Permission;
}

type Work<S extends z.ZodType, T> = (context: { user: SessionUser; input: z.output<S> }) => Promise<Outcome<T>>;

/** A server action whose input is an object (from a dialog or a button). */
export function action<S extends z.ZodType, T = undefined>(
  options: ActionOptions<S>,
  work: Work<S, T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => run(options, () => input, work);
}

/** A server action bound to a form: `read` turns the submitted fields into the schema's input. */
export function formAction<S extends z.ZodType, T = undefined>(
  options: ActionOptions<S> & { read: (formData: FormData) => unknown },
  work: Work<S, T>,
): (formData: FormData) => Promise<ActionResult<T>> {
  return async (formData) => run(options, () => (formData instanceof FormData ? options.read(formData) : undefined), work);
}

async function run<S extends z.ZodType, T>(
  { name, input: schema, permission }: ActionOptions<S>,
  raw: () => unknown,
  work: Work<S, T>,
): Promise<ActionResult<T>> {
  try {
    const user = await requireUser();
    if (permission) assertCan(user.role, permission);
    const parsed = schema.safeParse(raw());
    if (!parsed.success) return invalid(parsed.error);
    const result = (await work({ user, input: parsed.data })) ?? {};
    return { ok: true, ...result };
  } catch (error) {
    if (isRedirectOrNotFound(error)) throw error;
    if (isAppError(error)) return refusal(error);
    // A database outage is temporary: said as such, logged once per outage (docs/decisions/024).
    if (isDatabaseUnavailable(error)) {
      noteDatabaseUnavailable();
      return { ok: false, error: UNAVAILABLE_MESSAGE, code: "UNAVAILABLE" };
    }
    // A ZodError from deeper down is a bug (a schema lib/ applies to its own data), not the
    // user's input: it is logged like any other.
    const id = logUnexpected(error, { action: name });
    return { ok: false, error: `Something went wrong. Please try again (reference ${id}).` };
  }
}

function refusal(error: AppError): ActionResult<never> {
  return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
}

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: FIELDS_NEED_ATTENTION, code: "VALIDATION", fieldErrors };
}

/** Next.js implements redirect() and notFound() by throwing: those must pass through. */
function isRedirectOrNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
