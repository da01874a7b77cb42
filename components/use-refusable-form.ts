"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/action-result";

interface FormState<V> {
  result: ActionResult | null;
  /** What was submitted: React resets a form after its action, and the fields start again from these. */
  values: V;
  attempt: number;
}

/**
 * A form whose action redirects on success, so what comes back is a refusal. Key the fields by
 * `attempt` so they start again from what was submitted; `errors(field)` gives the messages for
 * a field and its parts (`employerIds.0`), `field(name)` binds a text field to them and `checkbox(name)` a checkbox; after a refusal the keyboard goes to the first field
 * that needs attention.
 */
type SubmitForm = (formData: FormData) => Promise<ActionResult | void>;

export function useRefusableForm<V>(submit: SubmitForm, read: (formData: FormData) => V, initial: V) {
  const [state, dispatch, pending] = useActionState<FormState<V>, FormData>(
    async (prev, formData) => ({ result: (await submit(formData)) ?? null, values: read(formData), attempt: prev.attempt + 1 }),
    { result: null, values: initial, attempt: 0 },
  );
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = state.result && !state.result.ok ? (state.result.fieldErrors ?? {}) : {};
  const errors = (field: string) => {
    const found = Object.entries(fieldErrors)
      .filter(([key]) => key === field || key.startsWith(`${field}.`))
      .flatMap(([, messages]) => messages);
    return found.length ? [...new Set(found)] : undefined;
  };

  useEffect(() => {
    if (state.attempt === 0 || state.result?.ok) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input')?.focus();
  }, [state.attempt, state.result]);

  /** A text, select or textarea field bound to the form: its name, what it starts from, its errors. */
  const field = (name: { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string) => ({
    name,
    defaultValue: state.values[name] as string,
    errors: errors(name),
  });

  /** A checkbox bound to the form: its name, whether it starts checked, its errors. */
  const checkbox = (name: { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string) => ({
    name,
    defaultChecked: state.values[name] as boolean,
    errors: errors(name),
  });

  return { ...state, dispatch, pending, formRef, errors, field, checkbox };
}

/**
 * An admin entry's add-or-edit form: with `id` it submits to `update` with the id as `idName`,
 * without it to `create`. `frame` is what `EntryForm` takes from it.
 */
export function useEntryForm<V>(
  entry: { id?: string; idName: string; create: SubmitForm; update: SubmitForm },
  read: (formData: FormData) => V,
  initial: V,
) {
  const { formRef, ...form } = useRefusableForm(entry.id ? entry.update : entry.create, read, initial);
  return { ...form, frame: { formRef, form, id: entry.id ? { name: entry.idName, value: entry.id } : undefined } };
}
