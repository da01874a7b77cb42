// What the admin's move forms (the provisioning queue, the grant reviews) share: the version the
// admin saw, an optional reason the partner reads, and the page refreshed when someone else moved
// the row meanwhile, so the refusal shows beside the current state.
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { text } from "@/lib/plain-text";

/** The row's version as the admin saw it. Not z.coerce: it would read an empty or missing field as version 0. */
export const seenVersion = z
  .string()
  .regex(/^\d{1,9}$/, "Reload the page and try again.")
  .transform(Number);

/** A reason for the partner, at most 1,000 characters. */
export const partnerReason = text({ multiline: true }).trim().max(1000, "At most 1,000 characters.").optional();

/** Runs `move`; on a conflict (someone moved it meanwhile) calls `refresh` before the refusal goes out. */
export async function refreshOnConflict<T>(move: () => Promise<T>, refresh: () => void): Promise<T> {
  try {
    return await move();
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") refresh();
    throw error;
  }
}
