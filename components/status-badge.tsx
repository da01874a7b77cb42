import { clsx } from "clsx";
import { STATUS_DESCRIPTIONS, STATUS_LABELS, type ProvisioningStatus } from "@/lib/status";

const TONES: Record<ProvisioningStatus, { className: string; icon: string }> = {
  PROVISIONING_IN_PROGRESS: { className: "bg-sky-50 text-sky-800 ring-sky-200", icon: "◔" },
  PENDING_REVIEW: { className: "bg-amber-50 text-amber-900 ring-amber-200", icon: "◷" },
  REVIEW_IN_PROGRESS: { className: "bg-violet-50 text-violet-800 ring-violet-200", icon: "◑" },
  APPROVED: { className: "bg-emerald-50 text-emerald-800 ring-emerald-200", icon: "✓" },
  REJECTED: { className: "bg-red-50 text-red-800 ring-red-200", icon: "✕" },
  NONE: { className: "bg-slate-100 text-slate-700 ring-slate-200", icon: "–" },
};

/** A status as text first: the colour and icon only repeat what the words say. */
export function StatusBadge({ status }: { status: ProvisioningStatus }) {
  const tone = TONES[status];
  return (
    <span
      title={STATUS_DESCRIPTIONS[status]}
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        tone.className,
      )}
    >
      <span aria-hidden="true">{tone.icon}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
