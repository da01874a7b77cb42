import Link from "next/link";
import { SeekActivityDetail } from "./seek-activity-detail";
import { ACTIVITY_LABELS, type ActivityDetail, type ActivityType } from "@/lib/activity/types";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { ActivityEntry } from "@/lib/data/activity";
import { PARTNER_INFO_LABELS } from "@/lib/credentials/schemas";
import { isProvisioningStatus } from "@/lib/status";
import { DateTime } from "./date-time";
import { StatusTransition } from "./status-transition";

/** An activity entry as it reaches the browser: its time as an ISO string. */
export type ActivityItem = Omit<ActivityEntry, "at"> & { at: string };

/** An activity log, newest first: what happened, to which app (when several), who and when. */
export function ActivityList({ entries, showApp }: { entries: ActivityItem[]; showApp: boolean }) {
  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">No activity yet.</p>;
  }
  return (
    <ol aria-label="Activity, newest first" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {ACTIVITY_LABELS[e.type]}
              {showApp ? (
                <span className="font-normal text-slate-600">
                  {" "}
                  on <Link href={`/apps/${e.app.id}/activity`}>{e.app.name}</Link> ({e.app.partnerName})
                </span>
              ) : null}
            </p>
            <Detail type={e.type} detail={e.detail} />
          </div>
          <div className="shrink-0 text-sm text-slate-600 sm:text-right">
            <DateTime value={e.at} />
            <div className="text-xs">{e.actor ? `${e.actor.name} (${ROLE_LABELS[e.actor.role]})` : e.type === "secret.expired" ? "Expiry date reached" : "Unknown user"}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Detail({ type, detail }: { type: ActivityType; detail: ActivityDetail }) {
  const line = (content: React.ReactNode) => <div className="mt-0.5 break-words text-sm text-slate-700">{content}</div>;
  switch (type) {
    case "secret.added":
    case "secret.revealed":
    case "secret.revoked":
    case "secret.rotated":
    case "secret.expired":
      return detail.label ? line(<>Secret “{detail.label}”</>) : null;
    case "redirect_uri.added":
    case "redirect_uri.removed":
      return detail.uri ? line(<code className="break-all">{detail.uri}</code>) : null;
    case "review.rejected":
      return detail.reason ? line(<>Reason: {detail.reason}</>) : null;
    case "partner_info.updated":
      return detail.fields?.length
        ? line(<>Changed: {detail.fields.map((f) => PARTNER_INFO_LABELS[f as keyof typeof PARTNER_INFO_LABELS] ?? f).join(", ")}</>)
        : null;
    case "provisioning.changed": {
      const from = detail.from && isProvisioningStatus(detail.from) ? detail.from : null;
      const to = detail.to && isProvisioningStatus(detail.to) ? detail.to : null;
      return (
        <>
          {line(
            <span className="inline-flex flex-wrap items-center gap-1.5">
              <span>{detail.service}:</span>
              <StatusTransition from={from} to={to} />
            </span>,
          )}
          {detail.note ? line(<span className="text-slate-600">{detail.note}</span>) : null}
        </>
      );
    }
    case "secret.used":
      return detail.label ? line(<>Secret “{detail.label}”{detail.service ? <> · {detail.service} testing tool</> : null}</>) : null;
    case "indeed_apply.test_sent":
    case "indeed_apply.signature_checked":
      return (
        <>
          {detail.uri ? line(<code className="break-all">{detail.uri}</code>) : null}
          {detail.note ? line(<span className="text-slate-600">{detail.note}</span>) : null}
        </>
      );
    default:
      return type.startsWith("seek.") ? <SeekActivityDetail detail={detail} line={line} /> : null;
  }
}

/** Newer / older pages of an activity log (`base` is the log's path). */
export function ActivityPager({ base, page, hasNext }: { base: string; page: number; hasNext: boolean }) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label="Activity pages" className="mt-4 flex justify-between text-sm">
      {page > 1 ? <Link href={page === 2 ? base : `${base}?page=${page - 1}`}>Newer</Link> : <span />}
      <span className="text-slate-600">Page {page}</span>
      {hasNext ? <Link href={`${base}?page=${page + 1}`}>Older</Link> : <span />}
    </nav>
  );
}
