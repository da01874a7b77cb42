import { StatusTransition } from "@/components/status-transition";
import { DateTime } from "@/components/date-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { StatusChange } from "@/lib/views/services";

/** Every status change of one service on the app, newest first, behind a disclosure. */
export function StatusTimeline({
  changes,
  summary = "Status history",
  className = "mt-3 border-t border-slate-100 pt-3",
}: {
  changes: StatusChange[];
  summary?: string;
  className?: string;
}) {
  if (changes.length === 0) return null;
  return (
    <details className={className}>
      <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">
        {summary}{" "}
        <span className="font-normal text-slate-600">
          ({changes.length} {changes.length === 1 ? "change" : "changes"})
        </span>
      </summary>
      <ol className="mt-3 flex flex-col gap-3 border-l-2 border-slate-200 pl-4" aria-label={summary}>
        {changes.map((change) => (
          <li key={change.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-1.5">
              <StatusTransition from={change.fromStatus} to={change.toStatus} />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              <DateTime value={change.at} /> · by{" "}
              {change.actor ? (
                <>
                  {change.actor.name} ({ROLE_LABELS[change.actor.role]})
                </>
              ) : (
                "a user who no longer exists"
              )}
            </p>
            {change.note ? (
              <p className="mt-1 whitespace-pre-line break-words rounded bg-slate-50 px-2 py-1 text-slate-800">{change.note}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
