// Small things every lib/data module needs the same way. Not marked server-only: the operator
// CLI (scripts/console.ts) and the seeds import it, and server-only throws outside Next.js.
import { Prisma } from "../generated/prisma/client";

/** The client a `db().$transaction(async (tx) => …)` callback receives. */
export type Tx = Prisma.TransactionClient;

/** A unique constraint refused the write (Prisma's P2002): someone holds that name or key already. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The row a write needed does not exist (Prisma's P2025), e.g. a related row deleted meanwhile. */
export function isMissingRow(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
