// Small things every lib/data module needs the same way. Not marked server-only: the operator
// CLI (scripts/console.ts) and the seeds import it, and server-only throws outside Next.js.
import { Prisma } from "../generated/prisma/client";

/** The client a `db().$transaction(async (tx) => …)` callback receives. */
export type Tx = Prisma.TransactionClient;

/** Every interactive transaction's limits. Lock waits are short, but ten parallel requests on a busy two-core machine queue up. */
export const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 } as const;

/** A unique constraint refused the write (Prisma's P2002): someone holds that name or key already. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The row a write needed does not exist (Prisma's P2025), e.g. a related row deleted meanwhile. */
export function isMissingRow(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
