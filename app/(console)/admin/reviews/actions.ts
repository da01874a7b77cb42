"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { moveGrantReview } from "@/lib/data/grant-review";
import { isAppError } from "@/lib/errors";

const moveInput = z
  .object({
    appId: z.uuid(),
    move: z.enum(["approve", "reject"], { message: "Unknown move." }),
    // Not z.coerce: it would read an empty or missing field as version 0.
    version: z
      .string()
      .regex(/^\d{1,9}$/, "Reload the page and try again.")
      .transform(Number),
    reason: z.string().trim().max(1000, "At most 1,000 characters.").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.move === "reject" && !input.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter a reason. The partner sees it on the Credentials tab." });
    }
  });

function readMoveForm(formData: FormData) {
  return {
    appId: formData.get("appId"),
    move: formData.get("move"),
    version: formData.get("version"),
    reason: formData.get("reason") ?? undefined,
  };
}

/** Approves or rejects an app's authorization code grant, if the review is still as the admin saw it. */
export const moveGrantReviewAction = formAction(
  { name: "moveGrantReview", input: moveInput, read: readMoveForm },
  async ({ user, input }) => {
    try {
      await moveGrantReview(user, { appId: input.appId, move: input.move, expectedVersion: input.version, reason: input.reason });
      revalidateReviews(input.appId);
      return { message: input.move === "approve" ? "Approved." : "Rejected. The partner sees your reason." };
    } catch (error) {
      // Someone moved it meanwhile: show its current state along with the refusal.
      if (isAppError(error) && error.code === "CONFLICT") revalidateReviews(input.appId);
      throw error;
    }
  },
);

function revalidateReviews(appId: string) {
  revalidatePath("/admin/reviews");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/credentials`);
  revalidatePath(`/apps/${appId}/activity`);
}
