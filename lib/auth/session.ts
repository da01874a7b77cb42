import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser, type SessionUser } from "../data/users";
import { AppError } from "../errors";
import { auth } from "./config";
import { assertCan, type Permission } from "./permissions";
import { authSecret } from "./secret";

export type { SessionUser };

/** The signed-in user, read fresh from the database once per request; null when signed out. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  if (!authSecret()) {
    throw new AppError(
      "MISCONFIGURED",
      "The console is not configured: AUTH_SECRET must be set when running on PostgreSQL in production.",
    );
  }
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUser(id);
});

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Like requireUser, and the user must hold `permission` (else FORBIDDEN). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  assertCan(user.role, permission);
  return user;
}
