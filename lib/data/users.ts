// Users: credential checks for sign-in, the session's view of a user, and account creation for
// the operator CLI and the seed. Emails are compared lower-cased and trimmed.
import { db, type Db } from "../db";
import { AppError } from "../errors";
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password";
import { normalizeEmail } from "../email";
import type { Role } from "../auth/permissions";
import { isUuid } from "../ids";
import { hit, isLimited, reset } from "./rate-limit";
import { isUniqueViolation } from "./shared";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
}

export { normalizeEmail };

/**
 * Failed sign-ins allowed per account in a window. Counted per email whether or not the
 * account exists, so the limit itself reveals nothing. Per account rather than per IP address:
 * client addresses can be forged unless a trusted proxy sets them.
 */
export const SIGN_IN_LIMIT = { max: 10, windowSeconds: 15 * 60 } as const;

export class TooManySignInAttempts extends AppError {
  constructor(readonly retryAt: Date) {
    super("RATE_LIMITED", "Too many failed sign-in attempts.");
  }
}

/**
 * The user whose email and password these are, or null. Takes the same time whether or not
 * the email exists. Throws TooManySignInAttempts once the account's failures hit the limit.
 */
export async function verifyCredentials(email: string, password: string) {
  const normalized = normalizeEmail(email);
  const key = `sign-in:${normalized}`;
  const limited = await isLimited(key, SIGN_IN_LIMIT);
  if (limited.limited) throw new TooManySignInAttempts(limited.resetAt);
  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    await hit(key, SIGN_IN_LIMIT);
    return null;
  }
  await reset(key);
  return { id: user.id, email: user.email, name: user.name };
}

export async function findSessionUser(id: string): Promise<SessionUser | null> {
  if (!isUuid(id)) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      partnerId: true,
      partner: { select: { name: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId,
    partnerName: user.partner?.name ?? null,
  };
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** Required for OWNER, DEVELOPER and VIEWER; must be absent for ADMIN. */
  partnerName?: string;
}

export async function createUser(input: NewUser, client: Db = db()) {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new AppError("VALIDATION", `"${input.email}" is not a valid email address.`);
  }
  const name = input.name.trim();
  if (name === "") throw new AppError("VALIDATION", "A name is required.");
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("VALIDATION", `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  let partnerId: string | null = null;
  if (input.role === "ADMIN") {
    if (input.partnerName) throw new AppError("VALIDATION", "An admin belongs to no partner: leave out --partner.");
  } else {
    if (!input.partnerName) throw new AppError("VALIDATION", `The role ${input.role.toLowerCase()} belongs to a partner: add --partner <name>.`);
    const partner = await client.partner.findUnique({ where: { name: input.partnerName }, select: { id: true } });
    if (!partner) throw new AppError("NOT_FOUND", `There is no partner named "${input.partnerName}".`);
    partnerId = partner.id;
  }
  try {
    return await client.user.create({
      data: { email, name, role: input.role, partnerId, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}
