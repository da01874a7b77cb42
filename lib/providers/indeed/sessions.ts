import "server-only";
// The Indeed emulator's own sign-in sessions, separate from the console's: the cookie holds a
// random token, the database only its SHA-256, so a database dump signs no one in. The CSRF
// tokens of the emulator's forms are keyed hashes bound to the session (and to the request
// they act on), so nothing about them is kept in memory or needs a row of its own.
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { matchesVerifier, verifierOf } from "../../crypto/secret-box";
import { newOpaqueToken, tokenHash } from "../../crypto/random";

export const SANDBOX_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export interface SandboxSessionAccount {
  id: string;
  subject: string;
  email: string;
  name: string;
  partnerId: string | null;
}

/** Starts a session for the account; returns the token for the cookie. */
export async function createSandboxSession(accountId: string, now = new Date()) {
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + SANDBOX_SESSION_MAX_AGE_SECONDS * 1000);
  await db().sandboxSession.create({ data: { tokenHash: tokenHash(token), accountId, expiresAt } });
  // Expired sessions of this account are of no use to anyone: drop them on the way.
  await db().sandboxSession.deleteMany({ where: { accountId, expiresAt: { lte: now } } });
  return { token, expiresAt };
}

function isSessionToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The signed-in account of a session cookie's token, or null. */
export async function findSandboxSession(token: string | undefined, now = new Date()): Promise<SandboxSessionAccount | null> {
  if (!isSessionToken(token)) return null;
  const session = await db().sandboxSession.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      expiresAt: true,
      account: { select: { id: true, subject: true, email: true, name: true, partnerId: true } },
    },
  });
  if (!session || session.expiresAt <= now) return null;
  return session.account;
}

/** Ends every session of the account (its password changed), in the caller's transaction. */
export function endSandboxSessions(tx: Prisma.TransactionClient, accountId: string) {
  return tx.sandboxSession.deleteMany({ where: { accountId } });
}

export async function deleteSandboxSession(token: string | undefined): Promise<void> {
  if (!isSessionToken(token)) return;
  await db().sandboxSession.deleteMany({ where: { tokenHash: tokenHash(token) } });
}

function csrfMessage(sessionToken: string, purpose: string): string {
  return `indeed-csrf\u0000${Buffer.from(tokenHash(sessionToken)).toString("base64url")}\u0000${purpose}`;
}

/**
 * The CSRF token of a form acting for this session on `purpose` (e.g. the request handle): an
 * HMAC under a key derived from the credentials key, so only this server can mint one.
 */
export function csrfToken(sessionToken: string, purpose: string): string {
  return verifierOf(csrfMessage(sessionToken, purpose)).toString("base64url");
}

export function isValidCsrfToken(sessionToken: string | undefined, purpose: string, token: unknown): boolean {
  if (!isSessionToken(sessionToken) || typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return matchesVerifier(csrfMessage(sessionToken, purpose), Buffer.from(token, "base64url"));
}
