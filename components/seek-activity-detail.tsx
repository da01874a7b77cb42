import type { ReactNode } from "react";
import type { ActivityDetail } from "@/lib/activity/types";
import { isSeekRelationshipType, SEEK_RELATIONSHIP_LABELS } from "@/lib/credentials/seek";
import { DateTime } from "./date-time";

function typeList(types: string[] | undefined): string {
  const labels = (types ?? []).map((t) => (isSeekRelationshipType(t) ? SEEK_RELATIONSHIP_LABELS[t] : t));
  return labels.length ? labels.join(", ") : "none";
}

/** The detail line of a SEEK activity row: environment, overlap end, hirer, reason. */
export function SeekActivityDetail({ detail, line }: { detail: ActivityDetail; line: (content: ReactNode) => ReactNode }) {
  const parts: ReactNode[] = [];
  if (detail.environment) parts.push(<span key="env">{detail.environment}</span>);
  if (detail.until) {
    parts.push(
      <span key="until">
        previous secret works until <DateTime value={detail.until} />
      </span>,
    );
  }
  if (detail.enabled !== undefined) parts.push(<span key="enabled">{detail.enabled ? "Approved" : "Not approved"}</span>);
  if (detail.hirer) {
    parts.push(
      <span key="hirer">
        {detail.hirer}: {typeList(detail.fromTypes)} → {typeList(detail.toTypes)}
      </span>,
    );
  }
  if (detail.reason) parts.push(<span key="reason">Reason: {detail.reason}</span>);
  if (detail.note) parts.push(<span key="note">Note: {detail.note}</span>);
  if (parts.length === 0) return null;
  return <>{line(<span className="inline-flex flex-wrap gap-x-2">{parts.map((p, i) => [i > 0 ? " · " : null, p])}</span>)}</>;
}
