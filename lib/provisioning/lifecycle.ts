// The provisioning lifecycle: the one place that says which status moves exist and who may make
// them. Pure: lib/data/provisioning.ts applies its verdicts inside a transaction.
//
//   (absent) ──request──▶ Provisioning in progress ──finish──▶ Pending review ──request review──▶
//   Review in progress ──approve──▶ Approved
//                      └─reject──▶ Rejected ──resubmit──▶ Review in progress
//   Provisioning in progress ──finish──▶ None            (services that need no review)
//   any status ──remove──▶ (absent)                        (admins, with a reason)
import { can, type Permission, type Role } from "../auth/permissions";
import { PROVISIONING_STATUSES, STATUS_LABELS, type ProvisioningStatus } from "../status";

export const LIFECYCLE_ACTIONS = [
  "request",
  "finishProvisioning",
  "requestReview",
  "approve",
  "reject",
  "resubmit",
  "remove",
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

interface Move {
  label: string;
  /** Statuses the move starts from; null means "the service is not on the app". */
  from: readonly (ProvisioningStatus | null)[];
  permission: Permission;
  /** Where it ends; null means the service leaves the app. */
  to: (reviewRequired: boolean) => ProvisioningStatus | null;
  noteRequired: boolean;
}


export const MOVES: Record<LifecycleAction, Move> = {
  request: {
    label: "Request the service",
    from: [null],
    permission: "services:request",
    to: () => "PROVISIONING_IN_PROGRESS",
    noteRequired: false,
  },
  finishProvisioning: {
    label: "Finish provisioning",
    from: ["PROVISIONING_IN_PROGRESS"],
    permission: "services:administer",
    to: (reviewRequired) => (reviewRequired ? "PENDING_REVIEW" : "NONE"),
    noteRequired: false,
  },
  requestReview: {
    label: "Request review",
    from: ["PENDING_REVIEW"],
    permission: "services:request",
    to: () => "REVIEW_IN_PROGRESS",
    noteRequired: false,
  },
  approve: {
    label: "Approve",
    from: ["REVIEW_IN_PROGRESS"],
    permission: "services:administer",
    to: () => "APPROVED",
    noteRequired: false,
  },
  reject: {
    label: "Reject",
    from: ["REVIEW_IN_PROGRESS"],
    permission: "services:administer",
    to: () => "REJECTED",
    noteRequired: true,
  },
  resubmit: {
    label: "Resubmit",
    from: ["REJECTED"],
    permission: "services:request",
    to: () => "REVIEW_IN_PROGRESS",
    noteRequired: false,
  },
  remove: {
    label: "Remove from app",
    from: PROVISIONING_STATUSES,
    permission: "services:administer",
    to: () => null,
    noteRequired: true,
  },
};

export type Verdict =
  | { ok: true; to: ProvisioningStatus | null }
  | { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION"; reason: string };

function describe(status: ProvisioningStatus | null): string {
  return status === null ? "not on this app" : `“${STATUS_LABELS[status]}”`;
}

/** Whether `role` may make `action` on a service now in `current`, and where it leads. */
export function decide(
  action: LifecycleAction,
  input: { role: Role; current: ProvisioningStatus | null; reviewRequired: boolean; note?: string | null },
): Verdict {
  const move = MOVES[action];
  if (!move) return { ok: false, code: "VALIDATION", reason: "Unknown action." };
  if (!can(input.role, move.permission)) {
    return { ok: false, code: "FORBIDDEN", reason: "You do not have permission to do that." };
  }
  if (!move.from.includes(input.current)) {
    return {
      ok: false,
      code: "CONFLICT",
      reason: `“${move.label}” is not possible while the service is ${describe(input.current)}.`,
    };
  }
  if (move.noteRequired && !input.note?.trim()) {
    return { ok: false, code: "VALIDATION", reason: "A reason is required." };
  }
  return { ok: true, to: move.to(input.reviewRequired) };
}

/** The actions `role` could take now, for the buttons the UI shows (the server decides again). */
export function availableActions(role: Role, current: ProvisioningStatus | null): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => {
    const move = MOVES[action];
    return can(role, move.permission) && move.from.includes(current);
  });
}

/**
 * The statuses a service passes through to reach `status` from being added, by the fewest moves
 * (removal aside). Read off MOVES, so seeded histories are always ones the lifecycle allows.
 * Throws for a status no sequence of moves reaches (a verdict for a service without review).
 */
export function pathTo(status: ProvisioningStatus, reviewRequired: boolean): ProvisioningStatus[] {
  const paths = new Map<ProvisioningStatus | null, ProvisioningStatus[]>([[null, []]]);
  const queue: (ProvisioningStatus | null)[] = [null];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const move of Object.values(MOVES)) {
      const next = move.to(reviewRequired);
      if (next === null || paths.has(next) || !move.from.includes(current)) continue;
      paths.set(next, [...paths.get(current)!, next]);
      queue.push(next);
    }
  }
  const path = paths.get(status);
  if (!path) throw new Error(`No sequence of moves reaches ${status} for a service ${reviewRequired ? "with" : "without"} review`);
  return path;
}
