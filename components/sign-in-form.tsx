"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** What a sign-in action answers when it does not redirect: why not, and the email to keep. */
export interface SignInFormState {
  error?: string;
  email?: string;
}

/**
 * Email and password, posted to a sign-in server action. The console and the Indeed emulator each
 * pass their own action (and where to go next, as a hidden field); the page around it brands it.
 */
export function SignInForm({
  action,
  next,
}: {
  action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  next?: { name: string; value: string };
}) {
  const [state, dispatch, pending] = useActionState<SignInFormState, FormData>(action, {});
  return (
    <form action={dispatch} className="flex flex-col gap-4" noValidate>
      {state.error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </div>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
        key={state.email ?? "email"}
        autoFocus
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {next ? <input type="hidden" name={next.name} value={next.value} /> : null}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
