import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser, type SessionUser } from "../data/users";
import { AppError } from "../errors";
import { assertCan, type Permission } from "./permissions";
import { authSecret } from "./secret";
import { sessionUserId } from "./session-token";

export type { SessionUser };

/** The signed-in user, read fresh from the database once per request; null when signed out. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const secret = authSecret();
  if (!secret) {
    throw new AppError(
      "MISCONFIGURED",
      "The console is not configured: AUTH_SECRET must be set when running on PostgreSQL in production.",
    );
  }
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  // Auth.js picks the cookie by the request's protocol the same way (trustHost: the proxy's
  // X-Forwarded-Proto; Next.js sets it for direct requests).
  const secure = (requestHeaders.get("x-forwarded-proto") ?? "https") === "https";
  const id = await sessionUserId((name) => jar.get(name)?.value, { secure, secret });
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
