"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import type { ActionResult } from "@/lib/action-result";
import { revealSecretAction, rotateSecretAction } from "../actions";
import { ConfirmDialog } from "./confirm-dialog";
import { SecretValueFor, type SecretRow } from "./secrets-section";

/** The Indeed Apply API token's one secret: reveal, copy, and rotate (new secret, old revoked at once). */
export function IndeedApplySecret({ appId, secret, canManage }: { appId: string; secret: SecretRow | null; canManage: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {secret ? (
        <>
          <SecretValueFor
            key={secret.id}
            canManage={canManage}
            name="API token secret"
            reveal={() => revealSecretAction({ appId, secretId: secret.id })}
          />
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
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="self-start">
          Rotate secret
        </Button>
      }
      title="Rotate the API token's secret?"
      description="A new secret replaces the current one at once: the current secret stops working immediately. Update your Indeed Apply integration right after."
      confirmLabel="Rotate secret"
      pendingLabel="Rotating…"
      run={() => rotateSecretAction({ appId })}
      onDone={onDone}
    />
  );
}
