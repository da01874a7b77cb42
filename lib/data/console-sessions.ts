import "server-only";
// Console sign-in sessions (decision 003). The encrypted Auth.js cookie names a row here; the
// request is signed in only while that row exists and has not expired, so signing out (or an
// operator ending a user's sessions) takes effect on every instance with the next request.
// Reading the session is one statement that also loads the user's current role and partner:
// every console page and every poll of a live view runs it, so it is a prepared statement on the
// driver (docs/decisions/014, 035).
import { db, query, statement } from "../db";
import { isUuid } from "../ids";
import type { SessionUser } from "./users";

/** The user of a live session ($1, not expired at $2, epoch ms), with their partner's name. */
const FIND_SESSION_USER = statement<SessionUser>(
  "find_session_user",
  `SELECT u."id"::text AS "id", u."email", u."name", u."role"::text AS "role",
          u."partnerId"::text AS "partnerId", p."name" AS "partnerName"
   FROM "ConsoleSession" s
   JOIN "User" u ON u."id" = s."userId"
   LEFT JOIN "Partner" p ON p."id" = u."partnerId"
   WHERE s."id" = $1::uuid
     AND s."expiresAt" > to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'`,
);

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
  const [row] = await query(FIND_SESSION_USER, [sessionId, now.getTime()]);
  if (!row) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, partnerId: row.partnerId, partnerName: row.partnerName };
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
