// The tenant filter: which apps a user may see, as a condition every app-scoped query starts
// from (`where: { AND: [{ id }, visibleApps(user)] }`). It sits beside the permission map it
// reads, and it fails closed: a role without `apps:view`, or a member without a partner, sees
// nothing. Another partner's app is thereby indistinguishable from a missing one.
import type { Prisma } from "../generated/prisma/client";
import type { SessionUser } from "../data/users";
import { can } from "./permissions";

/** The condition that limits a query on App to what `user` may see. */
export function visibleApps(user: Pick<SessionUser, "role" | "partnerId">): Prisma.AppWhereInput {
  if (can(user.role, "apps:view-all")) return {};
  if (!can(user.role, "apps:view") || !user.partnerId) return { id: { in: [] } };
  return { partnerId: user.partnerId };
}
