"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import { CredentialBadge } from "@/components/credential-badge";
import { callAction, type ActionResult } from "@/lib/action-result";
import { REVIEW_LABELS, type GrantReviewStatus } from "@/lib/credentials/review";
import { resubmitReviewAction } from "../actions";

/** Where the authorization code grant's review stands, who may authorize the app meanwhile, and Resubmit. */
export function ReviewPanel({
  appId,
  partnerName,
  status,
  reason,
  version,
  changedAt,
  canManage,
}: {
  appId: string;
  partnerName: string;
  status: GrantReviewStatus;
  reason: string | null;
  version: number;
  changedAt: string | null;
  canManage: boolean;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function resubmit() {
    startTransition(async () => {
      setResult(await callAction(() => resubmitReviewAction({ appId, version })));
    });
  }

  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">Review</span>
        <CredentialBadge status={status} label={REVIEW_LABELS[status]} />
        {changedAt ? (
          <span className="text-xs text-slate-600">
            since <DateTime value={changedAt} />
          </span>
        ) : null}
      </div>
      {status === "APPROVED" ? (
        <p className="mt-2 text-slate-700">Indeed approved the authorization code grant: any Indeed account can authorize this app.</p>
      ) : (
        <p className="mt-2 text-slate-700">
          Until Indeed approves the authorization code grant, only {partnerName}’s own test accounts (its sandbox Indeed
          accounts) can authorize this app. Any other account is sent back to the app with <code>access_denied</code> after it signs in.
        </p>
      )}
      {status === "REJECTED" ? (
        <div className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2">
          <p className="font-medium text-red-900">Reason for rejection</p>
          <p className="mt-0.5 whitespace-pre-line break-words text-red-900">{reason ?? "No reason was given."}</p>
          {canManage ? (
            <p className="mt-1 text-xs text-red-800">Fix what the reason names (update the partner information below if needed), then resubmit.</p>
          ) : null}
        </div>
      ) : null}
      {status === "REJECTED" && canManage ? (
        <div className="mt-3">
          <Button onClick={resubmit} disabled={pending} aria-disabled={pending}>
            {pending ? "Resubmitting…" : "Resubmit"}
          </Button>
        </div>
      ) : null}
      <div className="mt-3">
        <FormMessage result={result} />
      </div>
    </div>
  );
}
