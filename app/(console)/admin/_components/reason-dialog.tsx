"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { formText } from "@/lib/form-data";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";

interface ReasonFormProps {
  /** The reason's field name, as the action reads it. */
  name: string;
  submitLabel: string;
  /** Hidden inputs that say what the move is about. */
  fields: React.ReactNode;
  submit: (formData: FormData) => Promise<ActionResult>;
  /**
   * Whether the form's alert shows too when the reason itself is refused (the field's own error
   * says what is missing). The provisioning queue's dialog shows both.
   */
  alertOnReasonError?: boolean;
}

/** An admin move that needs a reason the partner will see: a button opening a dialog that asks for it. */
export function ReasonDialog({
  trigger,
  title,
  description,
  ...form
}: ReasonFormProps & { trigger: React.ReactElement; title: string; description?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        {/* Inside the content, which unmounts when the dialog closes: every opening starts afresh. */}
        <ReasonForm {...form} onDone={() => setOpen(false)} />
      </DialogContent>
    </DialogRoot>
  );
}

interface ReasonFormState {
  result: ActionResult | null;
  /** What was typed, to put back after React resets the form. */
  reason: string;
  attempt: number;
}

function ReasonForm({ name, submitLabel, fields, submit, alertOnReasonError = false, onDone }: ReasonFormProps & { onDone: () => void }) {
  const [state, dispatch, pending] = useActionState<ReasonFormState, FormData>(
    async (prev, formData) => {
      const result = await submit(formData);
      if (result.ok) onDone();
      return { result, reason: formText(formData, name), attempt: prev.attempt + 1 };
    },
    { result: null, reason: "", attempt: 0 },
  );
  const { result } = state;
  const reasonErrors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  return (
    // noValidate: the server's message, next to the field, rather than the browser's bubble.
    <form action={dispatch} noValidate className="flex flex-col gap-4">
      {fields}
      {result && !result.ok && (alertOnReasonError || !reasonErrors) ? <FormMessage result={result} /> : null}
      <TextareaField
        key={state.attempt}
        label="Reason"
        name={name}
        required
        maxLength={1000}
        rows={4}
        defaultValue={state.reason}
        errors={reasonErrors}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
