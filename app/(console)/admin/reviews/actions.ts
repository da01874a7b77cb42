"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/plain-text";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { moveGrantReview } from "@/lib/data/credentials";
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
    reason: text({ multiline: true }).trim().max(1000, "At most 1,000 characters.").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.move === "reject" && !input.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter a reason. The partner sees it on the Credentials tab." });
    }
  });

/** Approves or rejects an app's authorization code grant, if the review is still as the admin saw it. */
export async function moveGrantReviewAction(formData: FormData): Promise<ActionResult> {
  return runAction("moveGrantReview", async () => {
    const user = await requireUser();
    const input = moveInput.parse({
      appId: formData.get("appId"),
      move: formData.get("move"),
      version: formData.get("version"),
      reason: formData.get("reason") ?? undefined,
    });
    try {
      await moveGrantReview(user, { appId: input.appId, move: input.move, expectedVersion: input.version, reason: input.reason });
      refresh(input.appId);
      return { message: input.move === "approve" ? "Approved." : "Rejected. The partner sees your reason." };
    } catch (error) {
      if (isAppError(error) && error.code === "CONFLICT") refresh(input.appId);
      throw error;
    }
  });
}

function refresh(appId: string) {
  revalidatePath("/admin/reviews");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/credentials`);
  revalidatePath(`/apps/${appId}/activity`);
}
