"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { formText } from "@/lib/form-data";
import { DialogActions, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";

interface ReasonFormProps {
  /** The reason's field name, as the action reads it. */
  name: string;
  /** The field's label; "Reason" unless the move names it. */
  label?: string;
  hint?: string;
  maxLength?: number;
  submitLabel: string;
  /** The button's text while the move is sent; "Saving…" unless the move names it. */
  pendingLabel?: string;
  /** Hidden inputs that say what the move is about. */
  fields?: React.ReactNode;
  submit: (formData: FormData) => Promise<ActionResult<unknown>>;
  /**
   * Whether the form's alert shows too when the reason itself is refused (the field's own error
   * says what is missing). The provisioning queue's dialog shows both.
   */
  alertOnReasonError?: boolean;
}

type Opening =
  /** A button that opens the dialog; it closes itself once the move went through. */
  | { trigger: React.ReactElement; open?: never; onClose?: never }
  /**
   * Opened by the page (while `open`), which also closes it: it stays open with the server's
   * answer even if what it is about changes or leaves meanwhile.
   */
  | { trigger?: never; open: boolean; onClose: () => void };

/** A move that needs a reason someone will read: a dialog that asks for it and sends it. */
export function ReasonDialog({
  title,
  description,
  trigger,
  open: controlledOpen,
  onClose,
  ...form
}: ReasonFormProps & Opening & { title: string; description?: string }) {
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = controlledOpen !== undefined;
  const open = controlled ? controlledOpen : ownOpen;
  return (
    <DialogRoot open={open} onOpenChange={(next) => (controlled ? next || onClose?.() : setOwnOpen(next))}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      {open ? (
        <DialogContent title={title} description={description}>
          {/* Inside the content, which unmounts when the dialog closes: every opening starts afresh. */}
          <ReasonForm {...form} onDone={controlled ? undefined : () => setOwnOpen(false)} />
        </DialogContent>
      ) : null}
    </DialogRoot>
  );
}

interface ReasonFormState {
  result: ActionResult<unknown> | null;
  /** What was typed, to put back after React resets the form. */
  reason: string;
  attempt: number;
}

function ReasonForm({
  name,
  label = "Reason",
  hint,
  maxLength = 1000,
  submitLabel,
  pendingLabel = "Saving…",
  fields,
  submit,
  alertOnReasonError = false,
  onDone,
}: ReasonFormProps & { onDone?: () => void }) {
  const [state, dispatch, pending] = useActionState<ReasonFormState, FormData>(
    async (prev, formData) => {
      const result = await submit(formData);
      if (result.ok) onDone?.();
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
        label={label}
        name={name}
        required
        maxLength={maxLength}
        rows={4}
        defaultValue={state.reason}
        errors={reasonErrors}
        hint={hint}
        autoFocus
      />
      <DialogActions label={submitLabel} pendingLabel={pendingLabel} pending={pending} variant="danger" />
    </form>
  );
}
