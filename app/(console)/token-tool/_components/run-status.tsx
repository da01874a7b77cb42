import { clsx } from "clsx";

export type StepState = "not_run" | "running" | "passed" | "failed";

const LOOK: Record<StepState, { label: string; icon: string; className: string }> = {
  not_run: { label: "Not run", icon: "○", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  running: { label: "Running", icon: "◔", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  passed: { label: "Passed", icon: "✓", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  failed: { label: "Failed", icon: "✕", className: "bg-red-50 text-red-800 ring-red-200" },
};

function isStepState(value: string): value is StepState {
  return value in LOOK;
}

/** A step's or run's state in words; the colour and icon only repeat them. */
export function RunStatus({ status }: { status: string }) {
  const look = LOOK[isStepState(status) ? status : "not_run"];
  return (
    <span className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset", look.className)}>
      <span aria-hidden="true">{look.icon}</span>
      {look.label}
    </span>
  );
}
