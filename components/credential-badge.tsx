import { clsx } from "clsx";

const TONES = {
  green: { className: "bg-emerald-50 text-emerald-800 ring-emerald-200", icon: "✓" },
  amber: { className: "bg-amber-50 text-amber-900 ring-amber-200", icon: "◷" },
  violet: { className: "bg-violet-50 text-violet-800 ring-violet-200", icon: "◑" },
  red: { className: "bg-red-50 text-red-800 ring-red-200", icon: "✕" },
  slate: { className: "bg-slate-100 text-slate-700 ring-slate-200", icon: "–" },
} as const;

export type BadgeTone = keyof typeof TONES;

const STATUS_TONES: Record<string, BadgeTone> = {
  ACTIVE: "green",
  APPROVED: "green",
  EXPIRED: "amber",
  IN_REVIEW: "violet",
  REVOKED: "slate",
  REJECTED: "red",
};

/** A credential's status (secret or grant review) as text first; colour and icon repeat it. */
export function CredentialBadge({ status, label }: { status: string; label: string }) {
  const tone = TONES[STATUS_TONES[status] ?? "slate"];
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        tone.className,
      )}
    >
      <span aria-hidden="true">{tone.icon}</span>
      {label}
    </span>
  );
}
