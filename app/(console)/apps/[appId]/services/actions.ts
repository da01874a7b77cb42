"use server";

// The services tab's mutations. Each one is a public POST endpoint, built the same way:
// session, zod parse, lib/data (which authorizes and decides again), revalidate, ActionResult.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { moveService, requestService } from "@/lib/data/provisioning";
import { STATUS_LABELS, type ProvisioningStatus } from "@/lib/status";
import { moveServiceInput, requestServiceInput, type MoveServiceInput, type RequestServiceInput } from "./_lib/schemas";

function revalidate(appId: string) {
  revalidatePath(`/apps/${appId}/services`);
  revalidatePath("/dashboard");
}

function list(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export async function requestServiceAction(input: RequestServiceInput): Promise<ActionResult<{ added: string[] }>> {
  return runAction("requestService", async () => {
    const user = await requireUser();
    const data = requestServiceInput.parse(input);
    const { added } = await requestService(user, data);
    revalidate(data.appId);
    return {
      data: { added },
      message: `Requested ${list(added)}. Indeed is provisioning ${added.length > 1 ? "them" : "it"} now.`,
    };
  });
}

export async function moveServiceAction(
  input: MoveServiceInput,
): Promise<ActionResult<{ from: ProvisioningStatus; to: ProvisioningStatus | null }>> {
  return runAction("moveService", async () => {
    const user = await requireUser();
    const { version, ...data } = moveServiceInput.parse(input);
    const moved = await moveService(user, { ...data, expectedVersion: version });
    revalidate(data.appId);
    return {
      data: moved,
      message: moved.to ? `Status changed to “${STATUS_LABELS[moved.to]}”.` : "Removed from this app.",
    };
  });
}
