"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moveGrantReview } from "@/lib/data/grant-review";
import { moveAction, partnerReason, seenVersion } from "../_lib/move-input";

const moveInput = z
  .object({
    appId: z.uuid(),
    move: z.enum(["approve", "reject"], { message: "Unknown move." }),
    version: seenVersion,
    reason: partnerReason,
  })
  .superRefine((input, ctx) => {
    if (input.move === "reject" && !input.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter a reason. The partner sees it on the Credentials tab." });
    }
  });

/** Approves or rejects an app's authorization code grant, if the review is still as the admin saw it. */
export const moveGrantReviewAction = moveAction(
  { name: "moveGrantReview", input: moveInput, fields: ["appId", "move", "version"], reason: "reason", refresh: revalidateReviews },
  async (user, input) => {
    await moveGrantReview(user, { appId: input.appId, move: input.move, expectedVersion: input.version, reason: input.reason });
    return input.move === "approve" ? "Approved." : "Rejected. The partner sees your reason.";
  },
);

function revalidateReviews(appId: string) {
  revalidatePath("/admin/reviews");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/credentials`);
  revalidatePath(`/apps/${appId}/activity`);
}
