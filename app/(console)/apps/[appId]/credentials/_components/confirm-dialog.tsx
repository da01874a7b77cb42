"use client";

import { useState, useTransition } from "react";
import { DialogActions, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/form-message";
import { callAction, type ActionResult } from "@/lib/action-result";


/**
 * A dialog that sends one action: open while it is being used; the action's refusal stays in it
 * (cleared when it is opened again); a success closes it and goes to `onDone`. An action that
 * throws (the console unreachable) counts as a refusal.
 */
export function useActionDialog<T = undefined>(onDone: (result: ActionResult) => void) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function send(run: () => Promise<ActionResult<T>>) {
    startTransition(async () => {
      const answer = await callAction(run);
      if (answer.ok) {
        setOpen(false);
        onDone({ ok: true, message: answer.message });
      } else {
        setResult(answer);
      }
    });
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) setResult(null);
  }

  return { open, onOpenChange, result, pending, send };
}

/**
 * A change to a secret that cannot be undone, confirmed in a dialog. It closes and hands the
 * outcome to `onDone` when the change is made; a refusal stays in the dialog until it is reopened.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel,
  run,
  onDone,
}: {
  trigger: React.ReactElement;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  run: () => Promise<ActionResult>;
  onDone: (result: ActionResult) => void;
}) {
  const dialog = useActionDialog(onDone);
  return (
    <DialogRoot open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <div className="flex flex-col gap-4">
          <FormMessage result={dialog.result} />
          <DialogActions label={confirmLabel} pendingLabel={pendingLabel} pending={dialog.pending} variant="danger" onClick={() => dialog.send(run)} />
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
