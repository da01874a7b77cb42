// Users: credential checks for sign-in, the session's view of a user, and account creation for
// the operator CLI and the seed. Emails are compared lower-cased and trimmed.
import { Prisma } from "../generated/prisma/client";
import { db, type Db } from "../db";
import { AppError } from "../errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import type { Role } from "../auth/permissions";
import { isUuid } from "../ids";
import { throttledPasswordCheck } from "./rate-limit";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

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
 * the email exists. Throws TooManySignInAttempts once the account's attempts pass the limit,
 * before its password is checked (docs/decisions/004).
 */
export async function verifyCredentials(email: string, password: string) {
  const normalized = normalizeEmail(email);
  const check = await throttledPasswordCheck(`sign-in:${normalized}`, SIGN_IN_LIMIT, password, () =>
    db().user.findUnique({
      where: { email: normalized },
      select: { id: true, email: true, name: true, passwordHash: true },
    }),
  );
  if (check.outcome === "throttled") throw new TooManySignInAttempts(check.retryAt);
  if (check.outcome === "wrong") return null;
  const { id, email: address, name } = check.row;
  return { id, email: address, name };
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}
