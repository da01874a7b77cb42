"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import { CredentialBadge } from "@/components/credential-badge";
import { SecretValue } from "@/components/secret-value";
import type { ActionResult } from "@/lib/action-result";
import { MAX_ACTIVE_SECRETS, SECRET_LABEL_MAX_LENGTH, SECRET_STATUS_LABELS, type SecretStatus } from "@/lib/credentials/secrets";
import { addSecretAction, revealSecretAction, revokeSecretAction } from "../actions";
import { ConfirmDialog, UNREACHABLE } from "./confirm-dialog";

export interface SecretRow {
  id: string;
  label: string;
  status: SecretStatus;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
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
              <SecretCard appId={appId} secret={secret} canManage={canManage} onRevoked={setResult} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SecretCard({
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
  const headingId = `secret-${secret.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 id={headingId} className="break-words font-medium text-slate-900">
          {secret.label}
        </h4>
        <CredentialBadge status={secret.status} label={SECRET_STATUS_LABELS[secret.status]} />
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-600">Created</dt>
          <dd>
            <DateTime value={secret.createdAt} />
            {secret.createdBy ? <span className="block text-xs text-slate-600">by {secret.createdBy}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Last used</dt>
          <dd>{secret.lastUsedAt ? <DateTime value={secret.lastUsedAt} /> : "Never"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{secret.revokedAt ? "Revoked" : "Expires"}</dt>
          <dd>
            {secret.revokedAt ? (
              <>
                <DateTime value={secret.revokedAt} />
                {secret.revokedBy ? <span className="block text-xs text-slate-600">by {secret.revokedBy}</span> : null}
              </>
            ) : secret.expiresAt ? (
              <DateTime value={secret.expiresAt} />
            ) : (
              "Never"
            )}
          </dd>
        </div>
      </dl>
      {secret.status === "ACTIVE" ? (
        <div className="mt-3">
          <SecretValueFor
            canManage={canManage}
            name={`secret ${secret.label}`}
            reveal={() => revealSecretAction({ appId, secretId: secret.id })}
          />
        </div>
      ) : null}
      {canManage && secret.status !== "REVOKED" ? (
        <div className="mt-3 flex justify-end">
          <RevokeDialog appId={appId} secret={secret} onDone={onRevoked} />
        </div>
      ) : null}
    </article>
  );
}

function AddSecretDialog({ appId, disabled, onDone }: { appId: string; disabled: boolean; onDone: (result: ActionResult) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={disabled} aria-disabled={disabled}>
          Add another secret
        </Button>
      </DialogTrigger>
      {open ? (
        <DialogContent
          title="Add another secret"
          description="The new secret works alongside the current ones, so you can roll it out before revoking an old one."
        >
          <AddSecretForm
            appId={appId}
            onDone={(result) => {
              setOpen(false);
              onDone(result);
            }}
          />
        </DialogContent>
      ) : null}
    </DialogRoot>
  );
}

function AddSecretForm({ appId, onDone }: { appId: string; onDone: (result: ActionResult) => void }) {
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      let answer: ActionResult<{ id: string }>;
      try {
        answer = await addSecretAction({ appId, label, expiresOn: expiresOn || undefined });
      } catch {
        answer = UNREACHABLE;
      }
      if (answer.ok) onDone({ ok: true, message: answer.message });
      else setResult(answer);
    });
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
      <div className="flex flex-wrap justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Adding…" : "Add secret"}
        </Button>
      </div>
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

/** A secret's value for those who may see it; for the others, a word on why it is hidden. */
export function SecretValueFor({ canManage, name, reveal }: { canManage: boolean; name: string; reveal: () => ReturnType<typeof revealSecretAction> }) {
  return canManage ? (
    <SecretValue name={name} reveal={reveal} />
  ) : (
    <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
      Hidden. Only owners and developers can see secret values.
    </p>
  );
}
