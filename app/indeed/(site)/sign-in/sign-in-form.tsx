"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { indeedSignInAction, type IndeedSignInState } from "../actions";

export function IndeedSignInForm({ request }: { request?: string }) {
  const [state, action, pending] = useActionState<IndeedSignInState, FormData>(indeedSignInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
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
      {request ? <input type="hidden" name="request" value={request} /> : null}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
