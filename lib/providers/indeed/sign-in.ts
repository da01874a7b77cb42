import "server-only";
// Signing in to the Indeed emulator with a sandbox account's email and password.
import { db } from "../../db";
import { AppError } from "../../errors";
import { decoyHash, verifyPassword } from "../../auth/password";
import { hit, isLimited, reset } from "../../data/rate-limit";
import { normalizeEmail, SIGN_IN_LIMIT } from "../../data/users";

export class TooManySandboxSignInAttempts extends AppError {
  constructor(readonly retryAt: Date) {
    super("RATE_LIMITED", "Too many failed sign-in attempts.");
  }
}

/**
 * The sandbox account whose email and password these are, or null; the same time whether or not
 * the email exists, and throttled per email like the console's sign-in (docs/decisions/004).
 */
export async function verifySandboxCredentials(email: string, password: string) {
  const normalized = normalizeEmail(email);
  const key = `indeed-sign-in:${normalized}`;
  const limited = await isLimited(key, SIGN_IN_LIMIT);
  if (limited.limited) throw new TooManySandboxSignInAttempts(limited.resetAt);
  const account = await db().sandboxAccount.findUnique({
    where: { email: normalized },
    select: { id: true, subject: true, email: true, name: true, partnerId: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !ok) {
    await hit(key, SIGN_IN_LIMIT);
    return null;
  }
  await reset(key);
  return { id: account.id, subject: account.subject, email: account.email, name: account.name, partnerId: account.partnerId };
}
