"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { markChangesSeen } from "@/lib/data/provisioning";

const markChangesSeenInput = z.object({
  /** The newest change the user was shown: later ones stay new. */
  until: z.iso.datetime({ message: "Invalid time." }),
});

export const markChangesSeenAction = action({ name: "markChangesSeen", input: markChangesSeenInput }, async ({ user, input }) => {
  // Never in the future: that would silently swallow changes still to come.
  await markChangesSeen(user, new Date(Math.min(Date.parse(input.until), Date.now())));
  revalidatePath("/dashboard");
  return { message: "Marked as seen." };
});
