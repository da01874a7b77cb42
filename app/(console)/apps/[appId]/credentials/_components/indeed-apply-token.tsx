"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import type { ActionResult } from "@/lib/action-result";
import { revealSecretAction, rotateSecretAction } from "../actions";
import { ConfirmDialog } from "./confirm-dialog";
import { SecretValueFor } from "./secret-card";
import type { SecretRow } from "./secrets-section";

/** The Indeed Apply API token's one secret: reveal, copy, and rotate (new secret, old revoked at once). */
export function IndeedApplySecret({ appId, secret, canManage }: { appId: string; secret: SecretRow | null; canManage: boolean }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  // The secret a rotation revoked, until the refreshed page shows another one: it must not be
  // offered for a reveal meanwhile.
  const [revoked, setRevoked] = useState<string | null>(null);
  const waiting = revoked !== null && secret?.id === revoked;
  useEffect(() => {
    // The action revalidates the page; this only covers a refresh that did not arrive.
    if (waiting) router.refresh();
  }, [waiting, router]);

  return (
    <div className="flex flex-col gap-3">
      {waiting ? (
        <p role="status" aria-busy="true" className="text-sm text-slate-700">
          Loading the new secret…
        </p>
      ) : secret ? (
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
      {canManage ? (
        <RotateDialog
          appId={appId}
          onDone={(done) => {
            if (done.ok) setRevoked(secret?.id ?? null);
            setResult(done);
          }}
        />
      ) : null}
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
