import "server-only";
// Signing in to the Indeed emulator with a sandbox account's email and password.
import { db } from "../../db";
import { AppError } from "../../errors";
import { throttledPasswordCheck } from "../../data/rate-limit";
import { normalizeEmail, SIGN_IN_LIMIT } from "../../data/users";

export class TooManySandboxSignInAttempts extends AppError {
  constructor(readonly retryAt: Date) {
    super("RATE_LIMITED", "Too many failed sign-in attempts.");
  }
}

/**
 * The sandbox account whose email and password these are, or null; the same time whether or not
 * the email exists, and throttled per email like the console's sign-in: the attempt is reserved
 * before the password is checked (docs/decisions/004).
 */
export async function verifySandboxCredentials(email: string, password: string) {
  const normalized = normalizeEmail(email);
  const check = await throttledPasswordCheck(`indeed-sign-in:${normalized}`, SIGN_IN_LIMIT, password, () =>
    db().sandboxAccount.findUnique({
      where: { email: normalized },
      select: { id: true, subject: true, email: true, name: true, partnerId: true, passwordHash: true },
    }),
  );
  if (check.outcome === "throttled") throw new TooManySandboxSignInAttempts(check.retryAt);
  if (check.outcome === "wrong") return null;
  const { id, subject, email: address, name, partnerId } = check.row;
  return { id, subject, email: address, name, partnerId };
}
