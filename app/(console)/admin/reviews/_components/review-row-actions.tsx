"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import { moveGrantReviewAction } from "../actions";

export interface ReviewRow {
  appId: string;
  appName: string;
  /** The review version this page shows: the move applies only if it is still current. */
  version: number;
}

function Fields({ row, move }: { row: ReviewRow; move: "approve" | "reject" }) {
  return (
    <>
      <input type="hidden" name="appId" value={row.appId} />
      <input type="hidden" name="move" value={move} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
}

/** Approve at once; reject with a reason, in a dialog. */
export function ReviewRowActions({ row }: { row: ReviewRow }) {
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>((_prev, formData) => moveGrantReviewAction(formData), null);
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={dispatch}>
          <Fields row={row} move="approve" />
          <Button type="submit" disabled={pending}>
            Approve<span className="sr-only"> {row.appName}</span>
          </Button>
        </form>
        <RejectDialog row={row} disabled={pending} />
      </div>
      <FormMessage result={result} />
    </div>
  );
}

function RejectDialog({ row, disabled }: { row: ReviewRow; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger" disabled={disabled}>
          Reject<span className="sr-only"> {row.appName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={`Reject: ${row.appName}`} description="The partner sees this reason on the Credentials tab and can resubmit.">
        <RejectForm row={row} onDone={() => setOpen(false)} />
      </DialogContent>
    </DialogRoot>
  );
}

function RejectForm({ row, onDone }: { row: ReviewRow; onDone: () => void }) {
  const [state, dispatch, pending] = useActionState<{ result: ActionResult | null; reason: string; attempt: number }, FormData>(
    async (prev, formData) => {
      const result = await moveGrantReviewAction(formData);
      if (result.ok) onDone();
      const reason = formData.get("reason");
      return { result, reason: typeof reason === "string" ? reason : "", attempt: prev.attempt + 1 };
    },
    { result: null, reason: "", attempt: 0 },
  );
  const reasonErrors = state.result && !state.result.ok ? state.result.fieldErrors?.reason : undefined;
  return (
    <form action={dispatch} noValidate className="flex flex-col gap-4">
      <Fields row={row} move="reject" />
      {state.result && !state.result.ok && !reasonErrors ? <FormMessage result={state.result} /> : null}
      <TextareaField
        key={state.attempt}
        label="Reason"
        name="reason"
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
          {pending ? "Saving…" : "Reject"}
        </Button>
      </div>
    </form>
  );
}
