import type { ProvisioningStatus } from "@/lib/status";
import { StatusBadge } from "./status-badge";

/** One status change in words first ("From Pending review to Review in progress"), badges second. */
export function StatusTransition({ from, to }: { from: ProvisioningStatus | null; to: ProvisioningStatus | null }) {
  if (from === null && to) {
    return (
      <>
        <span>Added as</span> <StatusBadge status={to} />
      </>
    );
  }
  if (to === null) {
    return (
      <>
        {from ? (
          <>
            <span className="sr-only">From</span>
            <StatusBadge status={from} />
            <span aria-hidden="true" className="text-slate-500">
              →
            </span>
            <span className="sr-only">to</span>
          </>
        ) : null}
        <span className="font-medium text-slate-800">Removed from the app</span>
      </>
    );
  }
  return (
    <>
      <span className="sr-only">From</span>
      {from ? <StatusBadge status={from} /> : null}
      <span aria-hidden="true" className="text-slate-500">
        →
      </span>
      <span className="sr-only">to</span>
      <StatusBadge status={to} />
    </>
  );
}
