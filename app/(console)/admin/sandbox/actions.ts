"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { formAll, formFlag, formText } from "@/lib/form-data";
import {
  createEmployer,
  createSandboxAccount,
  employerInput,
  newSandboxAccountInput,
  sandboxAccountUpdateInput,
  updateSandboxAccount,
  type SandboxAccountInput,
} from "@/lib/data/sandbox";

/** The account form's fields, as the sandbox account schemas expect them. */
function readAccountForm(formData: FormData): SandboxAccountInput {
  return {
    email: formText(formData, "email"),
    name: formText(formData, "name"),
    password: formText(formData, "password"),
    partnerId: formText(formData, "partnerId"),
    registrant: formFlag(formData, "registrant"),
    employerIds: formAll(formData, "employerIds"),
  };
}

export async function createSandboxAccountAction(formData: FormData): Promise<ActionResult> {
  return runAction("createSandboxAccount", async () => {
    const user = await requireUser();
    const input = readAccountForm(formData);
    newSandboxAccountInput.parse(input);
    const created = await createSandboxAccount(user, input);
    revalidatePath("/admin/sandbox");
    redirect(`/admin/sandbox?saved=${created.id}`);
  });
}

const accountId = z.uuid({ message: "There is no such sandbox account." });

export async function updateSandboxAccountAction(formData: FormData): Promise<ActionResult> {
  return runAction("updateSandboxAccount", async () => {
    const user = await requireUser();
    const id = accountId.parse(formData.get("accountId"));
    const input = readAccountForm(formData);
    sandboxAccountUpdateInput.parse(input);
    await updateSandboxAccount(user, id, input);
    revalidatePath("/admin/sandbox");
    redirect(`/admin/sandbox?saved=${id}`);
  });
}

export async function createEmployerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("createEmployer", async () => {
    const user = await requireUser();
    const input = { name: formText(formData, "name"), id: formText(formData, "id") };
    employerInput.parse(input);
    const employer = await createEmployer(user, input);
    revalidatePath("/admin/sandbox", "layout");
    return { message: `${employer.name} is added, with id ${employer.id}.` };
  });
}
