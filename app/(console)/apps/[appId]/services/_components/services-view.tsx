"use client";

// The services tab, live: rendered on the server first, then kept current by polling
// GET /api/console/apps/[appId]/services, so an admin's move shows up on a partner's open page.
// Buttons come from the lifecycle's availableActions; every move names the version it saw and
// the server decides again.
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LiveUpdateStatus } from "@/components/live-update-status";
import type { ActionResult } from "@/lib/action-result";
import { can, type Role } from "@/lib/auth/permissions";
import { availableActions } from "@/lib/provisioning/lifecycle";
import { moveServiceAction } from "../actions";
import { servicesKeys, servicesQuery } from "../_lib/queries";
import type { MoveServiceInput } from "../_lib/schemas";
import { NOTE_MAX_LENGTH } from "../_lib/limits";
import { formText } from "@/lib/form-data";
import type { ServiceOnApp, ServicesView as View } from "@/lib/views/services";
import { ReasonDialog } from "../../../../_components/reason-dialog";
import { RequestServiceDialog } from "./request-service-dialog";
import { moveButtonId, ServiceCard, type MoveAction } from "./service-card";
import { StatusTimeline } from "./status-timeline";

type MoveResult = ActionResult<{ from: string; to: string | null }>;

/** What the reason dialog says for each move that needs a reason. */
const REASON_COPY = {
  reject: (name: string) => ({
    title: `Reject ${name}`,
    description: "The partner sees your reason on the service and can resubmit it for review.",
    label: "Reason for rejection",
    submitLabel: "Reject",
    pendingLabel: "Rejecting…",
  }),
  remove: (name: string) => ({
    title: `Remove ${name} from this app`,
    description: "The service leaves the app; its history stays. The reason is recorded in that history.",
    label: "Reason for removal",
    submitLabel: "Remove",
    pendingLabel: "Removing…",
  }),
};

const UNREACHABLE: MoveResult = {
  ok: false,
  error: "The console could not be reached. Check your connection and try again.",
};

interface Target {
  appServiceId: string;
  serviceId: string;
  name: string;
  /** The version the page showed when the move was chosen. */
  version: number;
}

interface FocusRequest {
  /** Wait until the page renders data at least this fresh (the refresh that followed the move). */
  after: number;
  pick: () => HTMLElement | null;
}

export function ServicesView({ appId, role, initial }: { appId: string; role: Role; initial: View }) {
  const queryClient = useQueryClient();
  const queryKey = servicesKeys.app(appId);
  const query = useQuery({
    ...servicesQuery(appId),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.asOf),
  });
  const { services, removed, options } = query.data;

  const [notice, setNotice] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reasonFor, setReasonFor] = useState<(Target & { action: "reject" | "remove" }) | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusRequest = useRef<FocusRequest | null>(null);

  const move = useMutation({
    mutationFn: (input: MoveServiceInput) => moveServiceAction(input),
    // Whether the move went through or was refused, show what the server holds now.
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  // Focus follows the outcome once the refreshed list is on screen: the card's heading after a
  // move (its buttons change), the list's heading after a removal, the opener after a cancel.
  useEffect(() => {
    const request = focusRequest.current;
    if (!request || reasonFor || query.dataUpdatedAt < request.after) return;
    focusRequest.current = null;
    request.pick()?.focus();
  });

  function focusSoon(pick: () => HTMLElement | null) {
    focusRequest.current = { after: queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0, pick };
  }

  const cardHeading = (appServiceId: string) => () =>
    document.getElementById(`service-${appServiceId}`) ?? headingRef.current;

  function clearError(appServiceId: string) {
    setErrors((all) => {
      const rest = { ...all };
      delete rest[appServiceId];
      return rest;
    });
  }

  async function send(target: Target, action: MoveAction, note?: string): Promise<MoveResult> {
    clearError(target.appServiceId);
    setNotice("");
    try {
      return await move.mutateAsync({ appId, serviceId: target.serviceId, action, version: target.version, note });
    } catch {
      return UNREACHABLE;
    }
  }

  function succeeded(target: Target, action: MoveAction, result: MoveResult) {
    setNotice(`${target.name}: ${result.ok ? result.message : ""}`);
    focusSoon(action === "remove" ? () => headingRef.current : cardHeading(target.appServiceId));
  }

  async function onMove(s: ServiceOnApp, action: MoveAction) {
    const target = { appServiceId: s.id, serviceId: s.service.id, name: s.service.name, version: s.version };
    if (action === "reject" || action === "remove") {
      setReasonFor({ ...target, action });
      return;
    }
    const result = await send(target, action);
    if (result.ok) {
      succeeded(target, action, result);
    } else {
      setErrors((e) => ({ ...e, [target.appServiceId]: result.error }));
      // Keep focus on the button if it is still there; if the refresh took it away, the card.
      const lost = cardHeading(target.appServiceId);
      focusSoon(() => (document.activeElement && document.activeElement !== document.body ? null : lost()));
    }
  }

  async function onReason(note: string): Promise<MoveResult> {
    if (!reasonFor) return UNREACHABLE;
    const target = reasonFor;
    const result = await send(target, target.action, note);
    if (result.ok) {
      succeeded(target, target.action, result);
      setReasonFor(null);
    }
    return result;
  }

  function onReasonClosed() {
    if (!reasonFor) return;
    const { appServiceId, action } = reasonFor;
    if (!focusRequest.current) {
      focusSoon(() => document.getElementById(moveButtonId(appServiceId, action)) ?? cardHeading(appServiceId)());
    }
    setReasonFor(null);
  }

  const canRequest = can(role, "services:request");
  const pendingService = move.isPending ? move.variables?.serviceId : undefined;

  return (
    <section aria-labelledby="services-heading">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="services-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            APIs and services
          </h2>
          <p className="text-sm text-slate-600">The services this app can access, most recent provisioning change first.</p>
        </div>
        {canRequest ? <RequestServiceDialog appId={appId} options={options} onRequested={setNotice} /> : null}
      </div>

      <LiveUpdateStatus
        error={query.error}
        updatedAt={query.dataUpdatedAt}
        notFound="This app is no longer available to you. Go back to the dashboard."
      />
      <div role="status">
        {notice ? (
          <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{notice}</p>
        ) : null}
      </div>

      {services.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">This app has no services yet.</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
            {canRequest ? "Choose “Request a service” to add one, or contact" : "To add a service, contact"} your Indeed
            representative or <a href="mailto:marketplacesupport@indeed.com">marketplacesupport@indeed.com</a>.
          </p>
        </div>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Services">
          {services.map((s) => (
            <li key={s.id}>
              <ServiceCard
                appId={appId}
                service={s}
                actions={availableActions(role, s.status).filter((a): a is MoveAction => a !== "request")}
                pending={pendingService === s.service.id}
                disabled={move.isPending}
                error={errors[s.id]}
                onMove={(action) => void onMove(s, action)}
              />
            </li>
          ))}
        </ul>
      )}

      {removed.length ? (
        <section aria-labelledby="removed-heading" className="mt-8">
          <h3 id="removed-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Removed from this app
          </h3>
          <ul className="mt-2 flex flex-col gap-2">
            {removed.map((r) => (
              <li key={r.serviceId} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
                <StatusTimeline changes={r.timeline} summary={`${r.name}: status history`} className="" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ReasonDialog
        key={reasonFor ? `${reasonFor.action}-${reasonFor.appServiceId}` : "closed"}
        open={reasonFor !== null}
        onClose={onReasonClosed}
        {...REASON_COPY[reasonFor?.action ?? "reject"](reasonFor?.name ?? "")}
        name="note"
        hint={`Required. At most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`}
        maxLength={NOTE_MAX_LENGTH}
        submit={(formData) => onReason(formText(formData, "note"))}
      />
    </section>
  );
}
