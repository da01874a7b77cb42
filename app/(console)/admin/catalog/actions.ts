"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { readServiceForm, serviceInput } from "@/lib/catalog/schemas";
import { formText } from "@/lib/form-data";
import { createService, updateService } from "@/lib/data/catalog";

function revalidateCatalog() {
  // Service names, links and rules show on every app page and on the dashboard.
  revalidatePath("/", "layout");
}

export const createServiceAction = formAction(
  { name: "createService", input: serviceInput, read: readServiceForm, permission: "apps:create" },
  async ({ user, input }) => {
    const created = await createService(user, input);
    revalidateCatalog();
    redirect(`/admin/catalog?saved=${created.id}`);
  },
);

const serviceEdit = serviceInput.extend({ serviceId: z.uuid({ message: "There is no such service." }) });

export const updateServiceAction = formAction(
  {
    name: "updateService",
    input: serviceEdit,
    read: (formData) => ({ ...readServiceForm(formData), serviceId: formText(formData, "serviceId") }),
    permission: "apps:create",
  },
  async ({ user, input: { serviceId, ...input } }) => {
    await updateService(user, serviceId, input);
    revalidateCatalog();
    redirect(`/admin/catalog?saved=${serviceId}`);
  },
);
