"use client";

// Live credentials before the partner is approved: "Request live credentials", then the
// request's state, kept current by polling GET /api/console/apps/[appId]/seek/live-request so
// an admin's approval or refusal (with its reason) shows on the open page. When the approval
// arrives, the server-rendered tab is refreshed so "Issue live credentials" appears.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import { DateTime } from "@/components/date-time";
import { LiveUpdateStatus } from "@/components/live-update-status";
import { callAction, type ActionResult } from "@/lib/action-result";
import type { LiveRequestState } from "@/lib/data/seek-credentials";
import { HttpError, POLL_INTERVAL_MS, getJson } from "@/lib/live-query";
import { requestLiveCredentialsAction } from "../../seek-actions";


function liveRequestQuery(appId: string) {
  return queryOptions({
    queryKey: ["seek-live-request", appId] as const,
    queryFn: ({ signal }) => getJson<LiveRequestState>(`/api/console/apps/${encodeURIComponent(appId)}/seek/live-request`, signal),
    refetchInterval: (query) => {
      const status = (query.state.error as HttpError | null)?.status;
      if (status === 401 || status === 403 || status === 404) return false;
      return query.state.data?.approved ? false : POLL_INTERVAL_MS;
    },
    refetchOnWindowFocus: true,
    gcTime: 0,
  });
}

export function LiveRequestPanel({ appId, canRequest, initial }: { appId: string; canRequest: boolean; initial: LiveRequestState }) {
  const router = useRouter();
  const query = useQuery({ ...liveRequestQuery(appId), initialData: initial, initialDataUpdatedAt: Date.parse(initial.asOf) });
  const state = query.data;
  const [note, setNote] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const approvedOnServer = useRef(initial.approved);

  useEffect(() => {
    if (state.approved && !approvedOnServer.current) {
      approvedOnServer.current = true;
      router.refresh();
    }
  }, [state.approved, router]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const answer = await callAction(() => requestLiveCredentialsAction({ appId, note }));
      setResult(answer);
      if (answer.ok) setNote("");
      await query.refetch();
    });
  }

  const request = state.request;
  const pendingRequest = request?.status === "PENDING";
  return (
    <div className="mt-3 flex flex-col gap-3">
      <LiveUpdateStatus error={query.error} updatedAt={query.dataUpdatedAt} />
      <div role="status" aria-live="polite" className="text-sm">
        {state.approved ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800">
            Your organisation is approved for live credential self-service.
            {request?.status === "APPROVED" && request.reason ? <span className="block">Admin’s note: {request.reason}</span> : null}
          </p>
        ) : pendingRequest ? (
          <p className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-violet-900">
            Live credentials requested on <DateTime value={request.createdAt} />
            {request.requestedBy ? ` by ${request.requestedBy}` : ""}. Waiting for an admin’s answer.
          </p>
        ) : request?.status === "REFUSED" ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            Your request for live credentials was refused{request.decidedAt ? <> on <DateTime value={request.decidedAt} /></> : null}.
            <span className="block">Reason: {request.reason}</span>
          </p>
        ) : (
          <p className="text-slate-700">Live credentials are issued once an admin approves your organisation for live self-service.</p>
        )}
      </div>
      {!state.approved && !pendingRequest && canRequest ? (
        <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Request live credentials">
          <TextareaField
            label="Note for the admins (optional)"
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            rows={2}
            errors={result && !result.ok ? result.fieldErrors?.note : undefined}
          />
          <div>
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {pending ? "Requesting…" : "Request live credentials"}
            </Button>
          </div>
        </form>
      ) : null}
      <FormMessage result={result} />
    </div>
  );
}
