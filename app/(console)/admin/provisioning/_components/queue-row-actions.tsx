"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import { moveQueuedServiceAction } from "../actions";
import type { QueueActionName } from "../queue-actions";
import { useReportOutcome } from "./queue-feedback";

export interface QueueRow {
  id: string;
  appId: string;
  appName: string;
  serviceId: string;
  serviceName: string;
  /** The AppService version this page shows: the move applies only if it is still current. */
  version: number;
}

export interface QueueAction {
  action: QueueActionName;
  label: string;
  noteRequired: boolean;
}

/** The moves that fit the row's status. Moves that need a reason ask for it in a dialog. */
export function QueueRowActions({ row, actions }: { row: QueueRow; actions: QueueAction[] }) {
  const report = useReportOutcome();
  const subject = `${row.serviceName} on ${row.appName}`;
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (_prev, formData) => {
    const outcome = await moveQueuedServiceAction(formData);
    report({ rowId: row.id, subject, result: outcome });
    return outcome;
  }, null);

  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) =>
          a.noteRequired ? (
            <NoteDialog key={a.action} row={row} action={a} subject={subject} disabled={pending} />
          ) : (
            <form key={a.action} action={dispatch}>
              <MoveFields row={row} action={a.action} />
              <Button type="submit" disabled={pending}>
                {a.label}
                <span className="sr-only">: {subject}</span>
              </Button>
            </form>
          ),
        )}
      </div>
      {result && !result.ok ? <FormMessage result={result} /> : null}
    </div>
  );
}

function MoveFields({ row, action }: { row: QueueRow; action: QueueAction["action"] }) {
  return (
    <>
      <input type="hidden" name="appId" value={row.appId} />
      <input type="hidden" name="serviceId" value={row.serviceId} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
}

const DIALOG_TEXT: Partial<Record<QueueAction["action"], string>> = {
  reject: "The partner sees this reason and can fix the integration, then resubmit it for review.",
  remove: "The service leaves the app; its history stays. The partner sees this reason.",
};

function NoteDialog({ row, action, subject, disabled }: { row: QueueRow; action: QueueAction; subject: string; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={action.action === "reject" ? "danger" : "secondary"} disabled={disabled}>
          {action.label}
          <span className="sr-only">: {subject}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={`${action.label}: ${subject}`} description={DIALOG_TEXT[action.action]}>
        {/* Inside the content, which unmounts when the dialog closes: every opening starts afresh. */}
        <NoteForm row={row} action={action} subject={subject} onDone={() => setOpen(false)} />
      </DialogContent>
    </DialogRoot>
  );
}

interface NoteFormState {
  result: ActionResult | null;
  /** What was typed, to put back after React resets the form. */
  note: string;
  attempt: number;
}

function NoteForm({ row, action, subject, onDone }: { row: QueueRow; action: QueueAction; subject: string; onDone: () => void }) {
  const report = useReportOutcome();
  const [state, dispatch, pending] = useActionState<NoteFormState, FormData>(
    async (prev, formData) => {
      const result = await moveQueuedServiceAction(formData);
      report({ rowId: row.id, subject, result });
      if (result.ok) onDone();
      const note = formData.get("note");
      return { result, note: typeof note === "string" ? note : "", attempt: prev.attempt + 1 };
    },
    { result: null, note: "", attempt: 0 },
  );
  const { result } = state;
  const noteErrors = result && !result.ok ? result.fieldErrors?.note : undefined;
  return (
    // noValidate: the server's message, next to the field, rather than the browser's bubble.
    <form action={dispatch} noValidate className="flex flex-col gap-4">
      <MoveFields row={row} action={action.action} />
      {result && !result.ok ? <FormMessage result={result} /> : null}
      <TextareaField
        key={state.attempt}
        label="Reason"
        name="note"
        required
        maxLength={1000}
        rows={4}
        defaultValue={state.note}
        errors={noteErrors}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Saving…" : action.label}
        </Button>
      </div>
    </form>
  );
}
