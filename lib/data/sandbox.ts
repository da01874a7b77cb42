import "server-only";
// The sandbox Indeed world: employers and the job-site accounts that sign in to the emulator.
// Admins manage them in the console (platform:administer); the emulator's sign-in
// (lib/providers/indeed/sign-in.ts) checks their passwords. A partner's registrant is the account
// that "registered" its apps: appinfo lists its employers.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/password";
import { randomHex } from "../crypto/random";
import { isUuid } from "../ids";
import { normalizeEmail, type SessionUser } from "./users";

export const EMPLOYER_ID = /^[0-9a-f]{32}$/;

const employerIds = z
  .array(z.string().regex(EMPLOYER_ID, "Choose employers from the list."))
  .max(100, "At most 100 employers.")
  .default([]);

const accountFields = {
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address.")
    .max(320, "At most 320 characters.")
    .transform(normalizeEmail)
    .pipe(z.email({ message: "Enter a valid email address." })),
  name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  partnerId: z
    .union([z.literal(""), z.uuid({ message: "Choose a partner from the list." })])
    .transform((v) => (v === "" ? null : v)),
  registrant: z.boolean(),
  employerIds,
};

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters.`);

function registrantNeedsPartner<T extends { registrant: boolean; partnerId: string | null }>(schema: z.ZodType<T>) {
  return schema.refine((v) => !v.registrant || v.partnerId !== null, {
    message: "Choose the partner whose apps this account registered.",
    path: ["registrant"],
  });
}

export const newSandboxAccountInput = registrantNeedsPartner(z.object({ ...accountFields, password }));
/** On edit an empty password keeps the current one. */
export const sandboxAccountUpdateInput = registrantNeedsPartner(
  z.object({ ...accountFields, password: z.union([z.literal(""), password]).transform((v) => (v === "" ? null : v)) }),
);
export type SandboxAccountInput = z.input<typeof newSandboxAccountInput>;

export const employerInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters."),
  /** Optional: Indeed-shaped ids are generated, or given to match an id used elsewhere. */
  id: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === "" || EMPLOYER_ID.test(v), "An employer id is 32 hexadecimal characters.")
    .default(""),
});
export type EmployerInput = z.input<typeof employerInput>;

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
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "A sandbox account with this email already exists.", {
      email: ["A sandbox account with this email already exists."],
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2025" || error.code === "P2003")) {
    throw new AppError("VALIDATION", "A chosen partner or employer no longer exists.");
  }
  throw error;
}

type Tx = Prisma.TransactionClient;

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

export async function createSandboxAccount(user: SessionUser, input: SandboxAccountInput) {
  assertCan(user.role, "platform:administer");
  const data = newSandboxAccountInput.parse(input);
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

export async function updateSandboxAccount(user: SessionUser, accountId: string, input: z.input<typeof sandboxAccountUpdateInput>) {
  assertCan(user.role, "platform:administer");
  if (!isUuid(accountId)) throw new AppError("NOT_FOUND", "There is no such sandbox account.");
  const data = sandboxAccountUpdateInput.parse(input);
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
      // A new password ends the account's emulator sessions, like a real password change.
      if (passwordHash) await tx.sandboxSession.deleteMany({ where: { accountId } });
      return account;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      // Either the account or a connected employer is gone; tell which.
      const exists = await db().sandboxAccount.count({ where: { id: accountId } });
      if (!exists) throw new AppError("NOT_FOUND", "There is no such sandbox account.");
    }
    conflict(error);
  }
}

export async function createEmployer(user: SessionUser, input: EmployerInput) {
  assertCan(user.role, "platform:administer");
  const data = employerInput.parse(input);
  try {
    return await db().employer.create({
      data: { id: data.id || randomHex(16), name: data.name },
      select: { id: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An employer with this name or id already exists.", {
        name: ["An employer with this name or id already exists."],
      });
    }
    throw error;
  }
}
