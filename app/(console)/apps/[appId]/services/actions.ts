"use server";

// The services tab's mutations. Each one is a public POST endpoint, built the same way,
// by lib/action.ts: session, zod parse, lib/data (which authorizes and applies the lifecycle),
// revalidate.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { moveService, requestService } from "@/lib/data/provisioning";
import { STATUS_LABELS } from "@/lib/status";
import { moveServiceInput, requestServiceInput } from "./_lib/schemas";

function revalidateServices(appId: string) {
  revalidatePath(`/apps/${appId}/services`);
  revalidatePath("/dashboard");
}

function list(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export const requestServiceAction = action({ name: "requestService", input: requestServiceInput }, async ({ user, input }) => {
  const { added } = await requestService(user, input);
  revalidateServices(input.appId);
  return {
    data: { added },
    message: `Requested ${list(added)}. Indeed is provisioning ${added.length > 1 ? "them" : "it"} now.`,
  };
});

export const moveServiceAction = action({ name: "moveService", input: moveServiceInput }, async ({ user, input }) => {
  const { version, ...move } = input;
  const moved = await moveService(user, { ...move, expectedVersion: version });
  revalidateServices(input.appId);
  return {
    data: moved,
    message: moved.to ? `Status changed to “${STATUS_LABELS[moved.to]}”.` : "Removed from this app.",
  };
});
