"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/form-message";
import type { ActionResult } from "@/lib/action-result";

export const UNREACHABLE: ActionResult = { ok: false, error: "The console could not be reached. Check your connection and try again." };

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
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      let answer: ActionResult;
      try {
        answer = await run();
      } catch {
        answer = UNREACHABLE;
      }
      if (answer.ok) {
        setOpen(false);
        onDone(answer);
      } else {
        setResult(answer);
      }
    });
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setResult(null);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <div className="flex flex-col gap-4">
          <FormMessage result={result} />
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={confirm} disabled={pending} aria-disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
