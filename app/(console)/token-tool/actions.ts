"use server";

// The token tool's actions (lib/action.ts): start a run, run one of its steps, show a kept token
// in full. lib/ finds the app or run through the tenant filter (another partner's is "not
// found") and then refuses users who may not run flows (viewers).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { actionOrigin } from "@/lib/public-origin";
import { baseUrlOf, checkTarget, targetFields } from "@/lib/token-tool/target-input";
import { addCallbackToAllowlist, revealToken, runStep, startRun } from "@/lib/token-tool/runner";

const runId = z.uuid({ message: "This run does not exist." });

const startInput = z
  .object({
    appId: z.uuid({ message: "Choose an app." }),
    flow: z.string().trim().min(1, "Choose a flow.").max(100),
    ...targetFields,
    secretId: z.union([z.uuid({ message: "Choose one of the app’s secrets." }), z.literal("")]).default(""),
  })
  .superRefine(checkTarget)
  .transform((value) => ({ ...value, baseUrl: baseUrlOf(value), secretId: value.secretId || null }));

export const startRunAction = action({ name: "startTokenToolRun", input: startInput }, async ({ user, input }) => {
  const id = await startRun(user, input);
  revalidatePath("/token-tool");
  return { data: { runId: id } };
});

const stepInput = z.object({
  runId,
  step: z.string().trim().min(1).max(100),
  input: z.record(z.string().max(100), z.string().max(10_000, "A value is longer than 10,000 characters.")).default({}),
});

export const runStepAction = action({ name: "runTokenToolStep", input: stepInput }, async ({ user, input }) => {
  const outcome = await runStep(user, { ...input, origin: await actionOrigin() });
  revalidatePath(`/token-tool/runs/${input.runId}`);
  return { data: outcome };
});

export const revealTokenAction = action(
  { name: "revealTokenToolToken", input: z.object({ runId, name: z.string().trim().min(1).max(100) }) },
  async ({ user, input }) => ({ data: { value: await revealToken(user, input.runId, input.name) } }),
);

export const addCallbackRedirectAction = action({ name: "addTokenToolCallback", input: z.object({ runId }) }, async ({ user, input }) => {
  const uri = await addCallbackToAllowlist(user, input.runId, await actionOrigin());
  revalidatePath(`/token-tool/runs/${input.runId}`);
  return { message: `Added ${uri} to the app’s redirect allowlist. Build the authorization URL again.` };
});
