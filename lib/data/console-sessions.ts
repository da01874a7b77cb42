import "server-only";
// Console sign-in sessions (decision 003). The encrypted Auth.js cookie names a row here; the
// request is signed in only while that row exists and has not expired, so signing out (or an
// operator ending a user's sessions) takes effect on every instance with the next request.
// Reading the session is one statement that also loads the user's current role and partner.
import { db } from "../db";
import { isUuid } from "../ids";
import type { SessionUser } from "./users";

export const CONSOLE_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Starts a session for the user; returns its id for the cookie. */
export async function createConsoleSession(userId: string, now = new Date()): Promise<string> {
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_MAX_AGE_SECONDS * 1000);
  const { id } = await db().consoleSession.create({ data: { userId, expiresAt }, select: { id: true } });
  // Expired sessions of this user are of no use to anyone: drop them on the way.
  await db().consoleSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  return id;
}

/** The signed-in user of a live session, read fresh (role, partner), or null. */
export async function findSessionUser(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  if (!isUuid(sessionId)) return null;
  const session = await db().consoleSession.findFirst({
    where: { id: sessionId, expiresAt: { gt: now } },
    select: {
      user: {
        select: { id: true, email: true, name: true, role: true, partnerId: true, partner: { select: { name: true } } },
      },
    },
  });
  if (!session) return null;
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId,
    partnerName: user.partner?.name ?? null,
  };
}

/** Whether the session still exists (Auth.js's own session endpoint asks this). */
export async function isLiveConsoleSession(sessionId: string, now = new Date()): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const count = await db().consoleSession.count({ where: { id: sessionId, expiresAt: { gt: now } } });
  return count > 0;
}

/** Ends one session (sign-out). Unknown or malformed ids are a no-op. */
export async function deleteConsoleSession(sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db().consoleSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (an operator disabling an account or resetting it). */
export async function deleteUserSessions(userId: string): Promise<number> {
  if (!isUuid(userId)) return 0;
  const { count } = await db().consoleSession.deleteMany({ where: { userId } });
  return count;
}
