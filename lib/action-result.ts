// The one shape every server action returns (built by lib/action.ts), read by the forms.
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };
