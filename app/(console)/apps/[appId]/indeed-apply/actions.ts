"use server";

// The Indeed Apply testing tool's actions, built by lib/action.ts: session, the input parsed
// with lib/indeed-apply/schemas.ts, then lib/data (which authorizes inside its queries: another
// partner's app is "not found", a viewer is refused), revalidate. The secret never reaches
// them: lib/data signs and verifies.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { sendInput, verifyInput } from "@/lib/indeed-apply/schemas";
import { sendTestApplication, verifyTestSignature } from "@/lib/data/indeed-apply-tests";

export const sendTestApplicationAction = action({ name: "sendTestApplication", input: sendInput }, async ({ user, input }) => {
  const send = await sendTestApplication(user, input);
  revalidatePath(`/apps/${input.appId}/indeed-apply`);
  revalidatePath(`/apps/${input.appId}/activity`);
  revalidatePath(`/apps/${input.appId}/credentials`);
  return { data: send };
});

export const verifySignatureAction = action({ name: "verifySignature", input: verifyInput }, async ({ user, input }) => {
  const result = await verifyTestSignature(user, input);
  revalidatePath(`/apps/${input.appId}/activity`);
  return { data: result };
});
