"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { createAppWithCredentials } from "@/lib/data/credentials";
import { newAppInput, type NewAppInput } from "@/lib/credentials/schemas";

function readForm(formData: FormData): NewAppInput {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : "";
  };
  return {
    partnerId: text("partnerId"),
    name: text("name"),
    description: text("description"),
    provider: text("provider") as NewAppInput["provider"],
    credentialType: text("credentialType") as NewAppInput["credentialType"],
    isPublic: formData.get("isPublic") === "on",
    grantTypes: formData.getAll("grantTypes").filter((v): v is string => typeof v === "string") as NewAppInput["grantTypes"],
  };
}

/** An admin creates an app for a partner, with its credentials, then lands on its Credentials tab. */
export async function createAppAction(formData: FormData): Promise<ActionResult> {
  return runAction("createApp", async () => {
    const user = await requireUser();
    const input = readForm(formData);
    newAppInput.parse(input);
    const app = await createAppWithCredentials(user, input);
    revalidatePath("/dashboard");
    revalidatePath("/admin");
    redirect(`/apps/${app.id}/credentials`);
  });
}
