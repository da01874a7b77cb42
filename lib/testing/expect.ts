// Assertions more than one integration test makes: a refusal's AppError, and a burst of wrong
// passwords held to the sign-in limit.
import { expect } from "vitest";
import { AppError } from "../errors";
import { SIGN_IN_LIMIT } from "../data/users";

/** The error `promise` rejects with, which must be an AppError. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a refusal").toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * Settles concurrent wrong-password attempts and checks that at most the limit's worth were
 * checked (each answered null) and every other one was refused with `refusedAs`.
 */
export async function expectBurstLimited(attempts: Promise<unknown>[], refusedAs: new (...args: never[]) => Error): Promise<void> {
  const results = await Promise.allSettled(attempts);
  const checked = results.filter((r) => r.status === "fulfilled");
  const refused = results.filter((r) => r.status === "rejected");
  expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMIT.max);
  expect(checked.every((r) => r.value === null)).toBe(true);
  expect(refused.length).toBe(attempts.length - checked.length);
  for (const r of refused) {
    expect(r.reason).toBeInstanceOf(refusedAs);
    expect((r.reason as Error).message).toBe("Too many failed sign-in attempts.");
  }
}
