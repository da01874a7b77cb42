"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { moveService } from "@/lib/data/provisioning";
import { MOVES } from "@/lib/provisioning/lifecycle";
import { STATUS_LABELS } from "@/lib/status";
import { partnerReason, refreshOnConflict, seenVersion } from "../_lib/move-input";
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
    const { to } = await refreshOnConflict(
      () =>
        moveService(user, {
          appId: input.appId,
          serviceId: input.serviceId,
          action: input.action,
          expectedVersion: input.version,
          note: input.note,
        }),
      () => revalidateQueue(input.appId),
    );
    revalidateQueue(input.appId);
    return { message: to === null ? "Removed from the app." : `Now “${STATUS_LABELS[to]}”.` };
  },
);

/** The pages that show the service's status. */
function revalidateQueue(appId: string) {
  revalidatePath("/admin/provisioning");
  revalidatePath("/admin");
  revalidatePath(`/apps/${appId}/services`);
  revalidatePath("/dashboard");
}
