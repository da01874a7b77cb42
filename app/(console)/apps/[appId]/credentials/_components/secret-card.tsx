"use client";

// One client secret's card, for Indeed's client secrets and SEEK's: its name and status, when it
// was created (by whom), last used and stops, its value for those who may see it, and the
// provider's own revoke control.
import { DateTime } from "@/components/date-time";
import { CredentialBadge } from "@/components/credential-badge";
import { SecretValue } from "@/components/secret-value";
import { SECRET_STATUS_LABELS } from "@/lib/credentials/secrets";
import type { SecretMetadata } from "@/lib/views/secrets";

type Reveal = React.ComponentProps<typeof SecretValue>["reveal"];

export type { SecretMetadata };

export function SecretCard({
  headingId,
  name,
  valueName = name,
  secret,
  canManage,
  reveal,
  stops,
  revoke,
  className,
}: {
  headingId: string;
  name: string;
  /** What the value's box and buttons are named for screen readers; the card's name unless given. */
  valueName?: string;
  secret: SecretMetadata;
  canManage: boolean;
  reveal: Reveal;
  /** The third column: its term (e.g. "Expires") and what it says for a secret without an end. */
  stops: { term: string; never: string };
  /** The revoke control, where the viewer may revoke this secret. */
  revoke: React.ReactNode;
  className: string;
}) {
  return (
    <article aria-labelledby={headingId} className={className}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 id={headingId} className="break-words font-medium text-slate-900">
          {name}
        </h4>
        <CredentialBadge status={secret.status} label={SECRET_STATUS_LABELS[secret.status]} />
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-600">Created</dt>
          <dd>
            <DateTime value={secret.createdAt} />
            <By name={secret.createdBy} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Last used</dt>
          <dd>{secret.lastUsedAt ? <DateTime value={secret.lastUsedAt} /> : "Never"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{secret.revokedAt ? "Revoked" : stops.term}</dt>
          <dd>
            {secret.revokedAt ? (
              <>
                <DateTime value={secret.revokedAt} />
                <By name={secret.revokedBy} />
              </>
            ) : secret.expiresAt ? (
              <DateTime value={secret.expiresAt} />
            ) : (
              stops.never
            )}
          </dd>
        </div>
      </dl>
      {secret.status === "ACTIVE" ? (
        <div className="mt-3">
          <SecretValueFor canManage={canManage} name={valueName} reveal={reveal} />
        </div>
      ) : null}
      {revoke ? <div className="mt-3 flex justify-end">{revoke}</div> : null}
    </article>
  );
}

function By({ name }: { name: string | null }) {
  return name ? <span className="block text-xs text-slate-600">by {name}</span> : null;
}

/** A secret's value for those who may see it; for the others, a word on why it is hidden. */
export function SecretValueFor({ canManage, name, reveal }: { canManage: boolean; name: string; reveal: Reveal }) {
  return canManage ? (
    <SecretValue name={name} reveal={reveal} />
  ) : (
    <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
      Hidden. Only owners and developers can see secret values.
    </p>
  );
}
