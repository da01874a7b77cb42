// What the admin's move forms (the provisioning queue, the grant reviews) share: the version the
// admin saw, an optional reason the partner reads, and the page refreshed when someone else moved
// the row meanwhile, so the refusal shows beside the current state; and the action built from them.
import { z } from "zod";
import { formAction } from "@/lib/action";
import type { SessionUser } from "@/lib/data/users";
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

/**
 * An admin move form's action: `fields` are read as sent and `reason` (the partner's reason)
 * only when sent; `input` parses them; `move` does the work and says what happened. The pages
 * `refresh` names are revalidated after the move, and before a conflict's refusal goes out.
 */
export function moveAction<S extends z.ZodType<{ appId: string }>>(
  options: { name: string; input: S; fields: readonly string[]; reason: string; refresh: (appId: string) => void },
  move: (user: SessionUser, input: z.output<S>) => Promise<string>,
) {
  const { fields, reason, refresh, ...action } = options;
  const read = (formData: FormData) => ({
    ...Object.fromEntries(fields.map((field) => [field, formData.get(field)])),
    [reason]: formData.get(reason) ?? undefined,
  });
  return formAction({ ...action, read }, async ({ user, input }) => {
    const message = await refreshOnConflict(
      () => move(user, input),
      () => refresh(input.appId),
    );
    refresh(input.appId);
    return { message };
  });
}
