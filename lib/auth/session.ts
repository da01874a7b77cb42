import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser } from "../data/console-sessions";
import type { SessionUser } from "../data/users";
import { AppError } from "../errors";
import { authSecret } from "./secret";
import { sessionId } from "./session-token";

export type { SessionUser };

/**
 * The signed-in user, read fresh from the database once per request; null when signed out, or
 * when the cookie's session has ended (signed out elsewhere, expired, ended by an operator).
 */
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
  const id = await sessionId((name) => jar.get(name)?.value, { secure, secret });
  if (!id) return null;
  return findSessionUser(id);
});

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
