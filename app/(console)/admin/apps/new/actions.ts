"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { newAppInput, readNewAppForm } from "@/lib/credentials/schemas";
import { createAppWithCredentials } from "@/lib/data/apps";

/** An admin creates an app for a partner, with its credentials, then lands on its Credentials tab. */
export const createAppAction = formAction(
  { name: "createApp", input: newAppInput, read: readNewAppForm, permission: "apps:create" },
  async ({ user, input }) => {
    const app = await createAppWithCredentials(user, input);
    revalidatePath("/dashboard");
    revalidatePath("/admin");
    redirect(`/apps/${app.id}/credentials`);
  },
);
