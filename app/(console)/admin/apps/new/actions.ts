"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { formAll, formFlag, formText } from "@/lib/form-data";
import { createAppWithCredentials } from "@/lib/data/credentials";
import { newAppInput, type NewAppInput } from "@/lib/credentials/schemas";

function readForm(formData: FormData): NewAppInput {
  return {
    partnerId: formText(formData, "partnerId"),
    name: formText(formData, "name"),
    description: formText(formData, "description"),
    provider: formText(formData, "provider") as NewAppInput["provider"],
    credentialType: formText(formData, "credentialType") as NewAppInput["credentialType"],
    isPublic: formFlag(formData, "isPublic"),
    grantTypes: formAll(formData, "grantTypes") as NewAppInput["grantTypes"],
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
