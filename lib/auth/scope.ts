// The tenant filter: which apps a user may see, as a condition every app-scoped query starts
// from (`where: { AND: [{ id }, visibleApps(user)] }`). It sits beside the permission map it
// reads, and it fails closed: a role without `apps:view`, or a member without a partner, sees
// nothing. Another partner's app is thereby indistinguishable from a missing one.
import type { SessionUser } from "../data/users";
import { can } from "./permissions";

/** A condition on App, in the shape of Prisma's `AppWhereInput` (this module stays database-free). */
export type VisibleAppsWhere = { partnerId?: string; id?: { in: string[] } };

/** The condition that limits a query on App to what `user` may see. */
export function visibleApps(user: Pick<SessionUser, "role" | "partnerId">): VisibleAppsWhere {
  if (can(user.role, "apps:view-all")) return {};
  if (!can(user.role, "apps:view") || !user.partnerId) return { id: { in: [] } };
  return { partnerId: user.partnerId };
}

/**
 * The same condition as parameters of a statement on the driver (docs/decisions/014): every app
 * (`all`), or one partner's (`partnerId`); neither (null) matches nothing.
 */
export function visibleAppsParams(user: Pick<SessionUser, "role" | "partnerId">): [all: boolean, partnerId: string | null] {
  const scope = visibleApps(user);
  if (Object.keys(scope).length === 0) return [true, null];
  return [false, scope.partnerId ?? null];
}
