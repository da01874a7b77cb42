import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../auth/permissions";
import { PROVISIONING_STATUSES, type ProvisioningStatus } from "../status";
import { availableActions, decide, LIFECYCLE_ACTIONS, pathTo, type LifecycleAction } from "./lifecycle";

const STATUSES: (ProvisioningStatus | null)[] = [null, ...PROVISIONING_STATUSES];

/** The whole allowed table: [action, from, to (review required), to (no review), roles]. */
const ALLOWED: [LifecycleAction, ProvisioningStatus | null, ProvisioningStatus | null, ProvisioningStatus | null, Role[]][] = [
  ["request", null, "PROVISIONING_IN_PROGRESS", "PROVISIONING_IN_PROGRESS", ["ADMIN", "OWNER", "DEVELOPER"]],
  ["finishProvisioning", "PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "NONE", ["ADMIN"]],
  ["requestReview", "PENDING_REVIEW", "REVIEW_IN_PROGRESS", "REVIEW_IN_PROGRESS", ["ADMIN", "OWNER", "DEVELOPER"]],
  ["approve", "REVIEW_IN_PROGRESS", "APPROVED", "APPROVED", ["ADMIN"]],
  ["reject", "REVIEW_IN_PROGRESS", "REJECTED", "REJECTED", ["ADMIN"]],
  ["resubmit", "REJECTED", "REVIEW_IN_PROGRESS", "REVIEW_IN_PROGRESS", ["ADMIN", "OWNER", "DEVELOPER"]],
  ...STATUSES.filter((s) => s !== null).map(
    (s) => ["remove", s, null, null, ["ADMIN"]] as [LifecycleAction, ProvisioningStatus, null, null, Role[]],
  ),
];

function allowed(action: LifecycleAction, from: ProvisioningStatus | null, role: Role) {
  return ALLOWED.find(([a, f, , , roles]) => a === action && f === from && roles.includes(role));
}

describe("the provisioning lifecycle", () => {
  for (const action of LIFECYCLE_ACTIONS) {
    for (const from of STATUSES) {
      for (const role of ROLES) {
        const row = allowed(action, from, role);
        it(`${role} ${action} from ${from ?? "absent"}: ${row ? "allowed" : "refused"}`, () => {
          const note = "a reason";
          const withReview = decide(action, { role, current: from, reviewRequired: true, note });
          const withoutReview = decide(action, { role, current: from, reviewRequired: false, note });
          if (row) {
            expect(withReview).toEqual({ ok: true, to: row[2] });
            expect(withoutReview).toEqual({ ok: true, to: row[3] });
            expect(availableActions(role, from)).toContain(action);
          } else {
            expect(withReview.ok).toBe(false);
            expect(withoutReview.ok).toBe(false);
            expect(availableActions(role, from)).not.toContain(action);
          }
        });
      }
    }
  }

  it("refuses with FORBIDDEN before looking at the status", () => {
    expect(decide("approve", { role: "OWNER", current: "REVIEW_IN_PROGRESS", reviewRequired: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(decide("requestReview", { role: "VIEWER", current: "PENDING_REVIEW", reviewRequired: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("explains a move that does not fit the status", () => {
    const verdict = decide("approve", { role: "ADMIN", current: "PENDING_REVIEW", reviewRequired: true });
    expect(verdict).toEqual({
      ok: false,
      code: "CONFLICT",
      reason: "“Approve” is not possible while the service is “Pending review”.",
    });
  });

  it("requires a reason to reject or remove", () => {
    for (const note of [undefined, null, "", "   "]) {
      expect(decide("reject", { role: "ADMIN", current: "REVIEW_IN_PROGRESS", reviewRequired: true, note })).toEqual({
        ok: false,
        code: "VALIDATION",
        reason: "A reason is required.",
      });
      expect(decide("remove", { role: "ADMIN", current: "APPROVED", reviewRequired: true, note })).toMatchObject({
        ok: false,
        code: "VALIDATION",
      });
    }
  });

  it("refuses unknown actions", () => {
    expect(decide("promote" as LifecycleAction, { role: "ADMIN", current: "APPROVED", reviewRequired: true })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
  });
});

describe("pathTo", () => {
  it("walks the fewest moves from being added to each reachable status", () => {
    expect(pathTo("PROVISIONING_IN_PROGRESS", true)).toEqual(["PROVISIONING_IN_PROGRESS"]);
    expect(pathTo("NONE", false)).toEqual(["PROVISIONING_IN_PROGRESS", "NONE"]);
    expect(pathTo("PENDING_REVIEW", true)).toEqual(["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW"]);
    expect(pathTo("REVIEW_IN_PROGRESS", true)).toEqual(["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "REVIEW_IN_PROGRESS"]);
    expect(pathTo("APPROVED", true)).toEqual(["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "REVIEW_IN_PROGRESS", "APPROVED"]);
    expect(pathTo("REJECTED", true)).toEqual(["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "REVIEW_IN_PROGRESS", "REJECTED"]);
  });

  it("takes only steps decide() allows an admin", () => {
    for (const reviewRequired of [true, false]) {
      for (const status of ["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "REVIEW_IN_PROGRESS", "APPROVED", "REJECTED", "NONE"] as const) {
        let steps: ProvisioningStatus[];
        try {
          steps = pathTo(status, reviewRequired);
        } catch {
          continue;
        }
        let current: ProvisioningStatus | null = null;
        for (const next of steps) {
          const allowed = LIFECYCLE_ACTIONS.some((action) => {
            const verdict = decide(action, { role: "ADMIN", current, reviewRequired, note: "why" });
            return verdict.ok && verdict.to === next;
          });
          expect(allowed, `${current} → ${next}`).toBe(true);
          current = next;
        }
        expect(current).toBe(status);
      }
    }
  });

  it("refuses statuses no moves reach", () => {
    expect(() => pathTo("APPROVED", false)).toThrow(/without review/);
    expect(() => pathTo("PENDING_REVIEW", false)).toThrow();
    expect(() => pathTo("NONE", true)).toThrow(/with review/);
  });
});
