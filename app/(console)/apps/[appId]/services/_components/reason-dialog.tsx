"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot } from "@/components/ui/dialog";
import { FormMessage } from "@/components/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import type { ActionResult } from "@/lib/action-result";
import { NOTE_MAX_LENGTH } from "../_lib/limits";

export interface ReasonRequest {
  action: "reject" | "remove";
  name: string;
}

const COPY = {
  reject: {
    title: (name: string) => `Reject ${name}`,
    description: "The partner sees your reason on the service and can resubmit it for review.",
    label: "Reason for rejection",
    submit: "Reject",
    pending: "Rejecting…",
  },
  remove: {
    title: (name: string) => `Remove ${name} from this app`,
    description: "The service leaves the app; its history stays. The reason is recorded in that history.",
    label: "Reason for removal",
    submit: "Remove",
    pending: "Removing…",
  },
} as const;

/**
 * An admin move that needs a reason. Controlled by the page (open while `request` is set), so
 * it stays open with the server's answer even if the service changes or leaves meanwhile.
 */
export function ReasonDialog({
  request,
  onSubmit,
  onClose,
}: {
  request: ReasonRequest | null;
  onSubmit: (note: string) => Promise<ActionResult<unknown>>;
  onClose: () => void;
}) {
  return (
    <DialogRoot open={request !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {request ? <ReasonForm key={`${request.action}-${request.name}`} request={request} onSubmit={onSubmit} /> : null}
    </DialogRoot>
  );
}

function ReasonForm({ request, onSubmit }: { request: ReasonRequest; onSubmit: (note: string) => Promise<ActionResult<unknown>> }) {
  const copy = COPY[request.action];
  const [note, setNote] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) {
      setResult({ ok: false, error: "Give a reason.", code: "VALIDATION", fieldErrors: { note: ["Give a reason."] } });
      return;
    }
    setPending(true);
    try {
      const answer = await onSubmit(note);
      if (!answer.ok) setResult(answer);
    } finally {
      setPending(false);
    }
  }

  const noteErrors = result && !result.ok ? result.fieldErrors?.note : undefined;
  return (
    <DialogContent title={copy.title(request.name)} description={copy.description}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextareaField
          label={copy.label}
          name="note"
          required
          aria-required="true"
          maxLength={NOTE_MAX_LENGTH}
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          errors={noteErrors}
          hint={`Required. At most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`}
        />
        {/* The field error already says what is missing; the alert is for the server's refusals. */}
        {noteErrors ? null : <FormMessage result={result} />}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="danger" disabled={pending} aria-disabled={pending}>
            {pending ? copy.pending : copy.submit}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
