// The one shape every server action returns (built by lib/action.ts), read by the forms.
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };

/** What a form shows when the action's call never reached the console (network down). */
export const UNREACHABLE: { ok: false; error: string } = {
  ok: false,
  error: "The console could not be reached. Check your connection and try again.",
};

/** Calls a server action from the browser: a call that did not get through is a refusal, not a throw. */
export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch {
    return UNREACHABLE;
  }
}
