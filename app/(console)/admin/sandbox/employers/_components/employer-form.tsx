"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { readEmployerForm } from "@/lib/sandbox/fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import { createEmployerAction } from "../../actions";

interface FormState {
  result: ActionResult | null;
  /** React resets a form after its action: a refused form starts again from what was sent. */
  values: { name: string; id: string };
  attempt: number;
}

export function EmployerForm() {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(
    async (prev, formData) => {
      const result = await createEmployerAction(formData);
      const values = result.ok ? { name: "", id: "" } : readEmployerForm(formData);
      return { result, values, attempt: prev.attempt + 1 };
    },
    { result: null, values: { name: "", id: "" }, attempt: 0 },
  );
  const { result, values } = state;
  const errors = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  return (
    <form action={dispatch} noValidate className="mt-4 flex flex-col gap-4">
      <FormMessage result={result} />
      <div key={state.attempt} className="flex flex-col gap-4">
        <TextField label="Employer name" name="name" required maxLength={200} defaultValue={values.name} errors={errors("name")} />
        <TextField
          label="Employer id"
          name="id"
          maxLength={32}
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={values.id}
          errors={errors("id")}
          hint="Optional: 32 hexadecimal characters, generated when left empty."
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add employer"}
      </Button>
    </form>
  );
}
