"use server";

// The Indeed Apply testing tool's actions. Each is a public POST endpoint built the same way:
// session, zod parse, lib/data (which authorizes inside its queries: another partner's app is
// "not found", a viewer is refused), revalidate, ActionResult. The secret never reaches them:
// lib/data signs and verifies.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { SAMPLE_KINDS } from "@/lib/indeed-apply/samples";
import { sendTestApplication, verifyTestSignature, type TestSendRow } from "@/lib/data/indeed-apply-tests";

const appId = z.uuid({ message: "This app does not exist." });
// Generous bounds: lib/data gives the precise, field-level messages.
const text = (max: number) => z.string().max(max, "This is too long.");

const sendInput = z.discriminatedUnion("kind", [
  z.object({
    appId,
    kind: z.enum(["signed", "forged"]),
    url: text(4096),
    sample: z.enum(SAMPLE_KINDS, { message: "Choose a sample application." }),
    body: text(3 * 1024 * 1024),
  }),
  z.object({ appId, kind: z.literal("repeat"), sendId: z.uuid({ message: "There is no earlier send to repeat." }) }),
]);

const verifyInput = z.union([
  z.object({ appId, captured: text(3 * 1024 * 1024) }),
  z.object({ appId, body: text(3 * 1024 * 1024), signature: text(200) }),
]);

function refresh(id: string) {
  revalidatePath(`/apps/${id}/indeed-apply`);
  revalidatePath(`/apps/${id}/activity`);
  revalidatePath(`/apps/${id}/credentials`);
}

export async function sendTestApplicationAction(input: unknown): Promise<ActionResult<TestSendRow>> {
  return runAction("sendTestApplication", async () => {
    const user = await requireUser();
    const data = sendInput.parse(input);
    const send = await sendTestApplication(user, data);
    refresh(data.appId);
    return { data: send };
  });
}

export async function verifySignatureAction(
  input: unknown,
): Promise<ActionResult<{ matches: boolean; expected: string; given: string; bodyBytes: number }>> {
  return runAction("verifySignature", async () => {
    const user = await requireUser();
    const data = verifyInput.parse(input);
    const result = await verifyTestSignature(user, data);
    revalidatePath(`/apps/${data.appId}/activity`);
    return { data: result };
  });
}
