"use server";

// The testing tool's one mutation: send an operation to the emulated GraphQL API with a token
// minted on the server. Built like every action (lib/action.ts); lib/ authorizes inside its
// queries and refuses viewers.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { actionOrigin } from "@/lib/public-origin";
import { AppError } from "@/lib/errors";
import { isIndeedApi } from "@/lib/provisioning/indeed-apis";
import { MAX_BODY_BYTES } from "@/lib/providers/indeed/graphql/endpoint";
import { sendTestOperation } from "@/lib/indeed-graphql-testing/send";
import { baseUrlOf, checkTarget, targetFields } from "@/lib/token-tool/target-input";

const input = z
  .object({
    appId: z.uuid({ message: "This app does not exist." }),
    service: z.string().refine(isIndeedApi, "This service has no testing tool."),
    query: z.string().trim().min(1, "Write an operation to send.").max(100_000, "The operation is longer than 100,000 characters."),
    variables: z
      .string()
      .max(MAX_BODY_BYTES, "The variables are too long.")
      .transform((text, ctx) => {
        if (text.trim() === "") return null;
        try {
          const value: unknown = JSON.parse(text);
          if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: "custom", message: "Variables must be a JSON object, e.g. {\"input\": {…}}." });
        return z.NEVER;
      }),
    operationName: z.string().trim().max(255).transform((v) => v || null),
    employerId: z.string().trim().max(64).transform((v) => v || null),
    ...targetFields,
  })
  .superRefine(checkTarget)
  .transform((value) => ({ ...value, baseUrl: baseUrlOf(value) }));

export const sendTestOperationAction = action({ name: "sendTestOperation", input }, async ({ user, input: data }) => {
  if (!isIndeedApi(data.service)) throw new AppError("NOT_FOUND", "This service has no testing tool.");
  const result = await sendTestOperation(user, await actionOrigin(), { ...data, api: data.service });
  revalidatePath(`/apps/${data.appId}/services/${data.service}/testing-tool`);
  revalidatePath(`/apps/${data.appId}/activity`);
  return { data: result };
});
