"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { markChangesSeen } from "@/lib/data/provisioning";

const markChangesSeenInput = z.object({
  /** The newest change the user was shown: later ones stay new. */
  until: z.iso.datetime({ message: "Invalid time." }),
});

export async function markChangesSeenAction(input: z.input<typeof markChangesSeenInput>): Promise<ActionResult> {
  return runAction("markChangesSeen", async () => {
    const user = await requireUser();
    const { until } = markChangesSeenInput.parse(input);
    // Never in the future: that would silently swallow changes still to come.
    await markChangesSeen(user, new Date(Math.min(Date.parse(until), Date.now())));
    revalidatePath("/dashboard");
    return { message: "Marked as seen." };
  });
}
