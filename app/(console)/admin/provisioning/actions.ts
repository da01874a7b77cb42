"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moveService } from "@/lib/data/provisioning";
import { MOVES } from "@/lib/provisioning/lifecycle";
import { STATUS_LABELS } from "@/lib/status";
import { moveAction, partnerReason, seenVersion } from "../_lib/move-input";
import { QUEUE_ACTIONS } from "./_lib/queue-actions";

const moveInput = z
  .object({
    appId: z.uuid(),
    serviceId: z.uuid(),
    action: z.enum(QUEUE_ACTIONS),
    version: seenVersion,
    note: partnerReason,
  })
  .superRefine((input, ctx) => {
    if (MOVES[input.action].noteRequired && !input.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Enter a reason. The partner sees it in the app's history." });
    }
  });

/** Moves one service on one app from the admin queue, if the version the admin saw is current. */
export const moveQueuedServiceAction = moveAction(
  { name: "moveQueuedService", input: moveInput, fields: ["appId", "serviceId", "action", "version"], reason: "note", refresh: revalidateQueue },
  async (user, input) => {
    const { to } = await moveService(user, {
      appId: input.appId,
      serviceId: input.serviceId,
      action: input.action,
      expectedVersion: input.version,
      note: input.note,
    });
    return to === null ? "Removed from the app." : `Now “${STATUS_LABELS[to]}”.`;
  },
);

/** The pages that show the service's status. */
function revalidateQueue(appId: string) {
  revalidatePath("/admin/provisioning");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/services`);
  revalidatePath("/dashboard");
}
