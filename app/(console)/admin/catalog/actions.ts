"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { formAll, formFlag, formText } from "@/lib/form-data";
import { createService, serviceInput, updateService, type ServiceInput } from "@/lib/data/catalog";

/** The form's fields, as serviceInput expects them (the same schema validates on both sides). */
function readServiceForm(formData: FormData): ServiceInput {
  return {
    name: formText(formData, "name"),
    slug: formText(formData, "slug"),
    provider: formText(formData, "provider") as ServiceInput["provider"],
    description: formText(formData, "description"),
    reviewRequired: formFlag(formData, "reviewRequired"),
    documentationUrl: formText(formData, "documentationUrl"),
    testingToolUrl: formText(formData, "testingToolUrl"),
    conflictsWith: formAll(formData, "conflictsWith"),
    requires: formAll(formData, "requires"),
    bundles: formAll(formData, "bundles"),
  };
}

function refresh() {
  // Service names, links and rules show on every app page and on the dashboard.
  revalidatePath("/", "layout");
}

export async function createServiceAction(formData: FormData): Promise<ActionResult> {
  return runAction("createService", async () => {
    const user = await requireUser();
    const input = readServiceForm(formData);
    serviceInput.parse(input);
    const created = await createService(user, input);
    refresh();
    redirect(`/admin/catalog?saved=${created.id}`);
  });
}

const serviceId = z.uuid({ message: "There is no such service." });

export async function updateServiceAction(formData: FormData): Promise<ActionResult> {
  return runAction("updateService", async () => {
    const user = await requireUser();
    const id = serviceId.parse(formData.get("serviceId"));
    const input = readServiceForm(formData);
    serviceInput.parse(input);
    await updateService(user, id, input);
    refresh();
    redirect(`/admin/catalog?saved=${id}`);
  });
}
