"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import { createEmployerAction } from "../actions";

export function EmployerForm() {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(createEmployerAction, null);
  const errors = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  return (
    <form action={action} noValidate className="mt-4 flex flex-col gap-4">
      <FormMessage result={result} />
      <TextField label="Employer name" name="name" required maxLength={200} errors={errors("name")} />
      <TextField
        label="Employer id"
        name="id"
        maxLength={32}
        spellCheck={false}
        autoCapitalize="none"
        errors={errors("id")}
        hint="Optional: 32 hexadecimal characters, generated when left empty."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add employer"}
      </Button>
    </form>
  );
}
