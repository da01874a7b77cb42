"use client";

// One environment's SEEK credentials (Playground or Live): the client id, its secrets with
// created (by whom), last used and expiry, and the owner's controls: issue, rotate with an
// overlap, revoke now, expire issued tokens now. Values are fetched one at a time by the
// audited reveal action; viewers see metadata only.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogActions, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { labelledOptions, SelectField } from "@/components/ui/select-field";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import { CopyButton } from "@/components/copy-button";
import type { ActionResult } from "@/lib/action-result";
import {
  MAX_ACTIVE_SEEK_SECRETS,
  SEEK_AUDIENCES,
  SEEK_ENVIRONMENT_LABELS,
  SEEK_ROTATION_OVERLAPS,
  SEEK_ROTATION_OVERLAP_LABELS,
  type SeekRotationOverlap,
} from "@/lib/credentials/seek";
import {
  expireSeekTokensAction,
  issueSeekCredentialAction,
  revealSeekSecretAction,
  revokeSeekSecretAction,
  rotateSeekSecretAction,
} from "../../seek-actions";
import { ConfirmDialog, useActionDialog } from "../confirm-dialog";
import { SecretCard, type SecretMetadata } from "../secret-card";
import { Card } from "@/components/ui/card";

type Environment = "PLAYGROUND" | "LIVE";

export type SeekSecretRow = SecretMetadata;

export interface SeekCredentialRow {
  clientId: string;
  createdAt: string;
  createdBy: string | null;
  tokensNotBefore: string | null;
  tokensExpiredBy: string | null;
  secrets: SeekSecretRow[];
}

export function EnvironmentSection({
  appId,
  environment,
  credential,
  canIssue,
  canManage,
  mayIssue,
  children,
}: {
  appId: string;
  environment: Environment;
  credential: SeekCredentialRow | null;
  /** Owner or admin: issue, rotate, revoke. */
  canIssue: boolean;
  /** Owner, developer or admin: reveal, expire tokens. */
  canManage: boolean;
  /** Whether this environment may be issued or rotated now (Live: the partner is approved). */
  mayIssue: boolean;
  /** What replaces "Issue" when it may not be issued (the live request panel). */
  children?: React.ReactNode;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const label = SEEK_ENVIRONMENT_LABELS[environment];
  const headingId = `seek-${environment.toLowerCase()}-heading`;
  const active = credential?.secrets.filter((s) => s.status === "ACTIVE").length ?? 0;

  return (
    <Card id={headingId} title={`${label} credentials`}>
      <p className="mt-1 text-sm text-slate-600">
        {environment === "PLAYGROUND"
          ? "For SEEK’s Playground: read-only mock data, seekAnzPublicTest objects."
          : "For live SEEK data: seekAnz objects of the hirers you have relationships with."}{" "}
        Request partner tokens with the audience <code>{SEEK_AUDIENCES[environment]}</code>.
      </p>
      <div className="mt-3">
        <FormMessage result={result} />
      </div>
      {!credential ? (
        <div className="mt-3">
          {mayIssue && canIssue ? (
            <ConfirmDialog
              trigger={<Button>Issue {label.toLowerCase()} credentials</Button>}
              title={`Issue ${label.toLowerCase()} credentials`}
              description={`Creates a client id and its first secret for SEEK’s ${label.toLowerCase()} environment.`}
              confirmLabel="Issue"
              pendingLabel="Issuing…"
              run={() => issueSeekCredentialAction({ appId, environment })}
              onDone={setResult}
            />
          ) : mayIssue ? (
            <p className="text-sm text-slate-700">No {label.toLowerCase()} credentials yet. An owner of your organisation can issue them.</p>
          ) : null}
          {children}
        </div>
      ) : (
        <>
          <div className="mt-4">
            <p className="text-sm font-medium text-slate-800">Client ID</p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 basis-72 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
                {credential.clientId}
              </code>
              <CopyButton value={credential.clientId} label={`${label} client ID`} />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              Issued <DateTime value={credential.createdAt} />
              {credential.createdBy ? ` by ${credential.createdBy}` : ""}.
            </p>
          </div>

          <div className="mt-5 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h3 className="text-base font-semibold">Secrets</h3>
              <p className="text-sm text-slate-600">
                {active} of {MAX_ACTIVE_SEEK_SECRETS} active. Rotating keeps the previous secret working for the overlap you choose.
              </p>
            </div>
            {canIssue && mayIssue ? (
              <RotateDialog appId={appId} environment={environment} disabled={active >= MAX_ACTIVE_SEEK_SECRETS} onDone={setResult} />
            ) : null}
          </div>
          {canIssue && mayIssue && active >= MAX_ACTIVE_SEEK_SECRETS ? (
            <p className="mt-2 text-sm text-slate-700">The previous secret is still in its overlap. Revoke it to rotate again.</p>
          ) : null}
          {!mayIssue ? children : null}
          <ul aria-label={`${label} secrets`} className="mt-3 flex flex-col gap-3">
            {credential.secrets.map((secret, index) => (
              <li key={secret.id}>
                <SeekSecretCard
                  appId={appId}
                  name={`${label} secret ${credential.secrets.length - index}`}
                  secret={secret}
                  canIssue={canIssue}
                  canManage={canManage}
                  onDone={setResult}
                />
              </li>
            ))}
          </ul>

          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="text-base font-semibold">Issued tokens</h3>
            <p className="text-sm text-slate-600">
              {credential.tokensNotBefore ? (
                <>
                  Tokens issued before <DateTime value={credential.tokensNotBefore} />
                  {credential.tokensExpiredBy ? ` (expired by ${credential.tokensExpiredBy})` : ""} are refused.
                </>
              ) : (
                "Partner and browser tokens last until their expires_in."
              )}
            </p>
            {canManage ? (
              <div className="mt-2">
                <ConfirmDialog
                  trigger={<Button variant="secondary">Expire issued {label.toLowerCase()} tokens now</Button>}
                  title={`Expire issued ${label.toLowerCase()} tokens now`}
                  description="Every partner token and browser token issued with these credentials until now stops working at once. Use it to test that your software gets a new token and retries once."
                  confirmLabel="Expire tokens"
                  pendingLabel="Expiring…"
                  run={() => expireSeekTokensAction({ appId, environment })}
                  onDone={setResult}
                />
              </div>
            ) : null}
          </div>
        </>
      )}
    </Card>
  );
}

function SeekSecretCard({
  appId,
  name,
  secret,
  canIssue,
  canManage,
  onDone,
}: {
  appId: string;
  name: string;
  secret: SeekSecretRow;
  canIssue: boolean;
  canManage: boolean;
  onDone: (result: ActionResult) => void;
}) {
  return (
    <SecretCard
      headingId={`seek-secret-${secret.id}`}
      name={name}
      secret={secret}
      canManage={canManage}
      reveal={() => revealSeekSecretAction({ appId, secretId: secret.id })}
      stops={{ term: secret.status === "EXPIRED" ? "Stopped" : "Stops", never: "When rotated or revoked" }}
      revoke={
        canIssue && secret.status === "ACTIVE" ? (
          <ConfirmDialog
            trigger={
              <Button variant="danger">
                Revoke now<span className="sr-only"> {name}</span>
              </Button>
            }
            title={`Revoke ${name}`}
            description="The secret stops authenticating at once and its value is destroyed. Tokens already issued keep working until they expire."
            confirmLabel="Revoke now"
            pendingLabel="Revoking…"
            run={() => revokeSeekSecretAction({ appId, secretId: secret.id })}
            onDone={onDone}
          />
        ) : null
      }
      className="rounded-lg border border-slate-200 p-4"
    />
  );
}

function RotateDialog({
  appId,
  environment,
  disabled,
  onDone,
}: {
  appId: string;
  environment: Environment;
  disabled: boolean;
  onDone: (result: ActionResult) => void;
}) {
  const dialog = useActionDialog(onDone);
  const [overlap, setOverlap] = useState<SeekRotationOverlap>("24H");
  const { result, pending } = dialog;
  const label = SEEK_ENVIRONMENT_LABELS[environment];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    dialog.send(() => rotateSeekSecretAction({ appId, environment, overlap }));
  }

  return (
    <DialogRoot open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button disabled={disabled} aria-disabled={disabled}>
          Rotate secret<span className="sr-only"> ({label})</span>
        </Button>
      </DialogTrigger>
      {dialog.open ? (
        <DialogContent
          title={`Rotate the ${label.toLowerCase()} secret`}
          description="A new secret becomes current. Choose how long the previous one keeps working while you roll the new one out."
        >
          <form onSubmit={submit} className="flex flex-col gap-4">
            <FormMessage result={result} />
            <SelectField
              label="Previous secret keeps working for"
              name="overlap"
              value={overlap}
              onChange={(e) => setOverlap(e.target.value as SeekRotationOverlap)}
              errors={result && !result.ok ? result.fieldErrors?.overlap : undefined}
              options={labelledOptions(SEEK_ROTATION_OVERLAPS, SEEK_ROTATION_OVERLAP_LABELS)}
            />
            <DialogActions label="Rotate secret" pendingLabel="Rotating…" pending={pending} />
          </form>
        </DialogContent>
      ) : null}
    </DialogRoot>
  );
}
