"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogActions, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import type { ActionResult } from "@/lib/action-result";
import { MAX_ACTIVE_SECRETS, SECRET_LABEL_MAX_LENGTH } from "@/lib/credentials/secrets";
import { addSecretAction, revealSecretAction, revokeSecretAction } from "../actions";
import { ConfirmDialog, useActionDialog } from "./confirm-dialog";
import { SecretCard, type SecretMetadata } from "./secret-card";

export interface SecretRow extends SecretMetadata {
  label: string;
}

/** The client's secrets, newest first: metadata for everyone, values and changes for managers. */
export function SecretsSection({ appId, secrets, canManage }: { appId: string; secrets: SecretRow[]; canManage: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const active = secrets.filter((s) => s.status === "ACTIVE").length;
  const atLimit = active >= MAX_ACTIVE_SECRETS;

  return (
    <section aria-labelledby="secrets-heading" className="mt-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h3 id="secrets-heading" className="text-base font-semibold">
            Client secrets
          </h3>
          <p className="text-sm text-slate-600">
            {active} of {MAX_ACTIVE_SECRETS} active secrets. Revoked and expired secrets stop authenticating at once.
          </p>
        </div>
        {canManage ? <AddSecretDialog appId={appId} disabled={atLimit} onDone={setResult} /> : null}
      </div>
      {canManage && atLimit ? (
        <p className="mt-2 text-sm text-slate-700">This client has the most active secrets it can have. Revoke one to add another.</p>
      ) : null}
      <div className="mt-3">
        <FormMessage result={result} />
      </div>
      {secrets.length === 0 ? (
        <p className="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">This client has no secrets.</p>
      ) : (
        <ul aria-label="Client secrets" className="mt-3 flex flex-col gap-3">
          {secrets.map((secret) => (
            <li key={secret.id}>
              <IndeedSecretCard appId={appId} secret={secret} canManage={canManage} onRevoked={setResult} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function IndeedSecretCard({
  appId,
  secret,
  canManage,
  onRevoked,
}: {
  appId: string;
  secret: SecretRow;
  canManage: boolean;
  onRevoked: (result: ActionResult) => void;
}) {
  return (
    <SecretCard
      headingId={`secret-${secret.id}`}
      name={secret.label}
      valueName={`secret ${secret.label}`}
      secret={secret}
      canManage={canManage}
      reveal={() => revealSecretAction({ appId, secretId: secret.id })}
      stops={{ term: "Expires", never: "Never" }}
      revoke={canManage && secret.status !== "REVOKED" ? <RevokeDialog appId={appId} secret={secret} onDone={onRevoked} /> : null}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    />
  );
}

function AddSecretDialog({ appId, disabled, onDone }: { appId: string; disabled: boolean; onDone: (result: ActionResult) => void }) {
  const dialog = useActionDialog<{ id: string }>(onDone);
  return (
    <DialogRoot open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button disabled={disabled} aria-disabled={disabled}>
          Add another secret
        </Button>
      </DialogTrigger>
      {dialog.open ? (
        <DialogContent
          title="Add another secret"
          description="The new secret works alongside the current ones, so you can roll it out before revoking an old one."
        >
          <AddSecretForm appId={appId} dialog={dialog} />
        </DialogContent>
      ) : null}
    </DialogRoot>
  );
}

function AddSecretForm({ appId, dialog }: { appId: string; dialog: ReturnType<typeof useActionDialog<{ id: string }>> }) {
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const { result, pending } = dialog;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    dialog.send(() => addSecretAction({ appId, label, expiresOn: expiresOn || undefined }));
  }

  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Label"
        name="label"
        required
        aria-required="true"
        maxLength={SECRET_LABEL_MAX_LENGTH}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        errors={fieldErrors?.label}
        hint="Where this secret is used, e.g. “Production server”."
        autoFocus
      />
      <TextField
        label="Expires on (optional)"
        name="expiresOn"
        type="date"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
        errors={fieldErrors?.expiresOn}
        hint="The secret stops working at 00:00 UTC on this day. Leave empty for a secret that does not expire."
      />
      {fieldErrors?.label || fieldErrors?.expiresOn ? null : <FormMessage result={result} />}
      <DialogActions label="Add secret" pendingLabel="Adding…" pending={pending} />
    </form>
  );
}

function RevokeDialog({ appId, secret, onDone }: { appId: string; secret: SecretRow; onDone: (result: ActionResult) => void }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="px-3 py-1.5 text-red-700">
          Revoke<span className="sr-only"> secret {secret.label}</span>
        </Button>
      }
      title={`Revoke “${secret.label}”?`}
      description="The secret stops authenticating immediately: anything that still uses it gets invalid_client. This cannot be undone."
      confirmLabel="Revoke secret"
      pendingLabel="Revoking…"
      run={() => revokeSecretAction({ appId, secretId: secret.id })}
      onDone={onDone}
    />
  );
}
