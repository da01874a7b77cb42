"use client";

// "What changed since you last looked": status changes on the user's apps made by someone else,
// polled like the apps list, in a polite live region so new ones are announced without
// interrupting. "Mark as seen" records the newest change shown; anything later stays new.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/date-time";
import { StatusTransition } from "@/components/status-transition";
import type { ActionResult } from "@/lib/action-result";
import { markChangesSeenAction } from "../actions";
import { dashboardKeys, unseenChangesQuery } from "../_lib/queries";
import type { UnseenChanges } from "@/lib/views/dashboard";

const LIMIT = 20;

/** Stable, so React calls it once when the element appears, not on every re-render. */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

export function ChangesNotice({ initial }: { initial: UnseenChanges }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...unseenChangesQuery(),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.asOf),
  });
  const { changes } = query.data;
  const [result, setResult] = useState<ActionResult | null>(null);

  const markSeen = useMutation({
    mutationFn: (until: string) => markChangesSeenAction({ until }),
    onSuccess: (answer, until) => {
      if (!answer.ok) return;
      queryClient.setQueryData(dashboardKeys.unseenChanges, (old: UnseenChanges | undefined) =>
        old ? { ...old, changes: old.changes.filter((c) => c.at > until) } : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.unseenChanges }),
  });

  async function onMarkSeen() {
    const newest = changes[0];
    if (!newest) return;
    try {
      setResult(await markSeen.mutateAsync(newest.at));
    } catch {
      setResult({ ok: false, error: "The console could not be reached. Check your connection and try again." });
    }
  }

  return (
    <div aria-live="polite">
      {changes.length ? (
        <section aria-labelledby="changes-heading" className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="changes-heading" className="text-base font-semibold text-slate-900">
              {changes.length === 1
                ? "1 status change since you last looked"
                : `${changes.length >= LIMIT ? `The ${LIMIT} latest` : changes.length} status changes since you last looked`}
            </h2>
            <Button
              variant="secondary"
              className="px-3 py-1.5"
              onClick={() => void onMarkSeen()}
              disabled={markSeen.isPending}
              aria-disabled={markSeen.isPending}
            >
              {markSeen.isPending ? "Marking…" : "Mark as seen"}
            </Button>
          </div>
          <ul className="mt-3 flex flex-col divide-y divide-brand-100">
            {changes.map((c) => (
              <li key={c.id} className="py-2 text-sm">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {/* One link per change, named by app and service: never just the app's name twice. */}
                  <Link href={`/apps/${c.app.id}/services`} className="font-medium">
                    {c.app.name}
                    <span aria-hidden="true" className="mx-1.5 text-slate-400">
                      ·
                    </span>
                    {c.serviceName}
                  </Link>
                  <StatusTransition from={c.fromStatus} to={c.toStatus} />
                  <span className="text-xs text-slate-600">
                    <DateTime value={c.at} />
                  </span>
                </div>
                {c.note ? <p className="mt-1 whitespace-pre-line break-words text-slate-700">{c.note}</p> : null}
              </li>
            ))}
          </ul>
          {result && !result.ok ? (
            <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {result.error}
            </p>
          ) : null}
        </section>
      ) : result?.ok ? (
        // The button is gone with the list: focus moves here so keyboard users are not lost.
        <p
          ref={focusOnMount}
          tabIndex={-1}
          className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          You are up to date. New status changes on your apps will appear here.
        </p>
      ) : null}
    </div>
  );
}
