"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { moveService } from "@/lib/data/provisioning";
import { isAppError } from "@/lib/errors";
import { MOVES } from "@/lib/provisioning/lifecycle";
import { STATUS_LABELS } from "@/lib/status";
import { QUEUE_ACTIONS } from "./_lib/queue-actions";

const moveInput = z
  .object({
    appId: z.uuid(),
    serviceId: z.uuid(),
    action: z.enum(QUEUE_ACTIONS),
    // Not z.coerce: it would read an empty or missing field as version 0.
    version: z
      .string()
      .regex(/^\d{1,9}$/, "Reload the page and try again.")
      .transform(Number),
    note: z.string().trim().max(1000, "At most 1,000 characters.").optional(),
  })
  .superRefine((input, ctx) => {
    if (MOVES[input.action].noteRequired && !input.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Enter a reason. The partner sees it in the app's history." });
    }
  });

function readMoveForm(formData: FormData) {
  return {
    appId: formData.get("appId"),
    serviceId: formData.get("serviceId"),
    action: formData.get("action"),
    version: formData.get("version"),
    note: formData.get("note") ?? undefined,
  };
}

/** Moves one service on one app from the admin queue, if the version the admin saw is current. */
export const moveQueuedServiceAction = formAction(
  { name: "moveQueuedService", input: moveInput, read: readMoveForm },
  async ({ user, input }) => {
    try {
      const { to } = await moveService(user, {
        appId: input.appId,
        serviceId: input.serviceId,
        action: input.action,
        expectedVersion: input.version,
        note: input.note,
      });
      revalidateQueue(input.appId);
      return { message: to === null ? "Removed from the app." : `Now “${STATUS_LABELS[to]}”.` };
    } catch (error) {
      // Someone moved it meanwhile: show its current status along with the refusal.
      if (isAppError(error) && error.code === "CONFLICT") revalidateQueue(input.appId);
      throw error;
    }
  },
);

/** The pages that show the service's status. */
function revalidateQueue(appId: string) {
  revalidatePath("/admin/provisioning");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/services`);
  revalidatePath("/dashboard");
}
