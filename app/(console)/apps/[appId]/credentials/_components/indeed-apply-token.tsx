"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import { SecretValue } from "@/components/secret-value";
import type { ActionResult } from "@/lib/action-result";
import { revealSecretAction, rotateSecretAction } from "../actions";
import type { SecretRow } from "./secrets-section";

/** The Indeed Apply API token's one secret: reveal, copy, and rotate (new secret, old revoked at once). */
export function IndeedApplySecret({ appId, secret, canManage }: { appId: string; secret: SecretRow | null; canManage: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {secret ? (
        <>
          {canManage ? (
            <SecretValue key={secret.id} name="API token secret" reveal={() => revealSecretAction({ appId, secretId: secret.id })} />
          ) : (
            <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
              Hidden. Only owners and developers can see secret values.
            </p>
          )}
          <p className="text-xs text-slate-600">
            Created <DateTime value={secret.createdAt} />
            {secret.createdBy ? ` by ${secret.createdBy}` : ""} · Last used{" "}
            {secret.lastUsedAt ? <DateTime value={secret.lastUsedAt} /> : "never"}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">This token has no active secret. Rotate to issue one.</p>
      )}
      {canManage ? <RotateDialog appId={appId} onDone={setResult} /> : null}
      <FormMessage result={result} />
    </div>
  );
}

function RotateDialog({ appId, onDone }: { appId: string; onDone: (result: ActionResult) => void }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function rotate() {
    startTransition(async () => {
      let answer: ActionResult;
      try {
        answer = await rotateSecretAction({ appId });
      } catch {
        answer = { ok: false, error: "The console could not be reached. Check your connection and try again." };
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
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" className="self-start">
          Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Rotate the API token's secret?"
        description="A new secret replaces the current one at once: the current secret stops working immediately. Update your Indeed Apply integration right after."
      >
        <div className="flex flex-col gap-4">
          <FormMessage result={result} />
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={rotate} disabled={pending} aria-disabled={pending}>
              {pending ? "Rotating…" : "Rotate secret"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
