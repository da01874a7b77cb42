import "server-only";
// The sandbox Indeed world: employers and the job-site accounts that sign in to the emulator.
// Admins manage them in the console (platform:administer); the emulator's sign-in
// (lib/providers/indeed/sign-in.ts) checks their passwords. A partner's registrant is the account
// that "registered" its apps: appinfo lists its employers. Inputs arrive parsed by
// lib/sandbox/schemas.ts (docs/decisions/017).
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { randomHex } from "../crypto/random";
import { isUuid } from "../ids";
import type { NewEmployer, NewSandboxAccount, SandboxAccountUpdate } from "../sandbox/schemas";
import { isMissingRow, isUniqueViolation, type Tx } from "./shared";
import type { SessionUser } from "./users";

const accountSelect = {
  id: true,
  subject: true,
  email: true,
  name: true,
  createdAt: true,
  partner: { select: { id: true, name: true } },
  registrantOf: { select: { id: true, name: true } },
  employers: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} satisfies Prisma.SandboxAccountSelect;

export async function listSandboxAccounts(user: SessionUser) {
  assertCan(user.role, "platform:administer");
  return db().sandboxAccount.findMany({ orderBy: { email: "asc" }, select: accountSelect });
}

export async function getSandboxAccount(user: SessionUser, accountId: string) {
  assertCan(user.role, "platform:administer");
  if (!isUuid(accountId)) return null;
  return db().sandboxAccount.findUnique({ where: { id: accountId }, select: accountSelect });
}

export async function listEmployers(user: SessionUser) {
  assertCan(user.role, "platform:administer");
  return db().employer.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, createdAt: true, _count: { select: { accounts: true } } },
  });
}

/** Partners to choose from on the account form. */
export async function listPartnerChoices(user: SessionUser) {
  assertCan(user.role, "platform:administer");
  return db().partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

function conflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", "A sandbox account with this email already exists.", {
      email: ["A sandbox account with this email already exists."],
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2025" || error.code === "P2003")) {
    throw new AppError("VALIDATION", "A chosen partner or employer no longer exists.");
  }
  throw error;
}

/** Makes the account its partner's registrant, or stops it being any partner's registrant. */
async function setRegistrant(tx: Tx, accountId: string, partnerId: string | null, registrant: boolean) {
  // The account may register at most one partner's apps: the one it belongs to.
  await tx.partner.updateMany({
    where: { registrantId: accountId, ...(registrant && partnerId ? { id: { not: partnerId } } : {}) },
    data: { registrantId: null },
  });
  if (registrant && partnerId) {
    await tx.partner.update({ where: { id: partnerId }, data: { registrantId: accountId } });
  }
}

export async function createSandboxAccount(user: SessionUser, data: NewSandboxAccount) {
  assertCan(user.role, "platform:administer");
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const account = await tx.sandboxAccount.create({
        data: {
          subject: randomHex(8),
          email: data.email,
          name: data.name,
          passwordHash,
          partnerId: data.partnerId,
          employers: { connect: data.employerIds.map((id) => ({ id })) },
        },
        select: { id: true },
      });
      await setRegistrant(tx, account.id, data.partnerId, data.registrant);
      return account;
    });
  } catch (error) {
    conflict(error);
  }
}

/**
 * What else a new password changes, in the same transaction: the emulator ends the account's
 * sign-in sessions (lib/providers/indeed/sessions.ts endSandboxSessions), like a real password
 * change. The emulator's sessions are its own; this module only says when.
 */
export type OnNewPassword = (tx: Tx, accountId: string) => Promise<unknown>;

export async function updateSandboxAccount(user: SessionUser, accountId: string, data: SandboxAccountUpdate, onNewPassword: OnNewPassword) {
  assertCan(user.role, "platform:administer");
  if (!isUuid(accountId)) throw new AppError("NOT_FOUND", "There is no such sandbox account.");
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  try {
    return await db().$transaction(async (tx) => {
      const account = await tx.sandboxAccount.update({
        where: { id: accountId },
        data: {
          email: data.email,
          name: data.name,
          partnerId: data.partnerId,
          employers: { set: data.employerIds.map((id) => ({ id })) },
          ...(passwordHash ? { passwordHash } : {}),
        },
        select: { id: true },
      });
      await setRegistrant(tx, account.id, data.partnerId, data.registrant);
      if (passwordHash) await onNewPassword(tx, account.id);
      return account;
    });
  } catch (error) {
    if (isMissingRow(error)) {
      // Either the account or a connected employer is gone; tell which.
      const exists = await db().sandboxAccount.count({ where: { id: accountId } });
      if (!exists) throw new AppError("NOT_FOUND", "There is no such sandbox account.");
    }
    conflict(error);
  }
}

export async function createEmployer(user: SessionUser, data: NewEmployer) {
  assertCan(user.role, "platform:administer");
  try {
    return await db().employer.create({
      data: { id: data.id || randomHex(16), name: data.name },
      select: { id: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An employer with this name or id already exists.", {
        name: ["An employer with this name or id already exists."],
      });
    }
    throw error;
  }
}
