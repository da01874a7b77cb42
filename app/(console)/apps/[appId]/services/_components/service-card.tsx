import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { MOVES, type LifecycleAction } from "@/lib/provisioning/lifecycle";
import { STATUS_DESCRIPTIONS } from "@/lib/status";
import type { ServiceOnApp } from "@/lib/views/services";
import { StatusTimeline } from "./status-timeline";

export type MoveAction = Exclude<LifecycleAction, "request">;

export function moveButtonId(appServiceId: string, action: MoveAction): string {
  return `${action}-${appServiceId}`;
}

/** One service on the app: status, rejection reason, the moves the viewer may make, history. */
export function ServiceCard({
  service: s,
  actions,
  pending,
  disabled,
  error,
  onMove,
}: {
  service: ServiceOnApp;
  actions: MoveAction[];
  /** A move of this service is on its way. */
  pending: boolean;
  /** Some move is on its way (the console sends one at a time). */
  disabled: boolean;
  error?: string;
  onMove: (action: MoveAction) => void;
}) {
  const partnerMoves = actions.filter((a) => MOVES[a].permission === "services:request");
  const adminMoves = actions.filter((a) => MOVES[a].permission === "services:administer");
  const button = (action: MoveAction, variant: "primary" | "secondary") => (
    <Button
      key={action}
      id={moveButtonId(s.id, action)}
      variant={variant}
      disabled={disabled}
      aria-disabled={disabled}
      onClick={() => onMove(action)}
      className="px-3 py-1.5"
    >
      {MOVES[action].label}
      <span className="sr-only"> {s.service.name}</span>
    </Button>
  );

  return (
    <article aria-labelledby={`service-${s.id}`} aria-busy={pending} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`service-${s.id}`} tabIndex={-1} className="text-base font-semibold">
          {s.service.name}
        </h3>
        <StatusBadge status={s.status} />
      </div>
      <p className="mt-1 text-sm text-slate-700">{s.service.description}</p>
      <p className="mt-2 text-xs text-slate-600">
        {STATUS_DESCRIPTIONS[s.status]} Last change: <DateTime value={s.statusChangedAt} />
      </p>
      {s.rejection ? (
        <div className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm">
          <p className="font-medium text-red-900">Reason for rejection</p>
          <p className="mt-0.5 whitespace-pre-line break-words text-red-900">{s.rejection.note ?? "No reason was given."}</p>
          <p className="mt-1 text-xs text-red-800">
            <DateTime value={s.rejection.at} />
            {s.rejection.actor ? ` · ${s.rejection.actor.name}` : ""}
          </p>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        <a href={s.service.documentationUrl} target="_blank" rel="noreferrer">
          {s.service.name} documentation<span className="sr-only"> (opens in a new tab)</span>
        </a>
        {s.service.testingToolUrl ? <a href={s.service.testingToolUrl}>Testing tool</a> : null}
      </div>
      {actions.length ? (
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-100 pt-3">
          {partnerMoves.length ? (
            <div role="group" aria-label={`Actions for ${s.service.name}`} className="flex flex-wrap gap-2">
              {partnerMoves.map((a) => button(a, "primary"))}
            </div>
          ) : null}
          {adminMoves.length ? (
            <div role="group" aria-label={`Admin actions for ${s.service.name}`} className="flex flex-wrap items-center gap-2">
              <span aria-hidden="true" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Admin
              </span>
              {adminMoves.map((a) => button(a, "secondary"))}
            </div>
          ) : null}
          {pending ? (
            <span className="text-sm text-slate-600" aria-hidden="true">
              Saving…
            </span>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <StatusTimeline changes={s.timeline} />
    </article>
  );
}
