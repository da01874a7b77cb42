"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { formText } from "@/lib/form-data";
import { createEmployer, createSandboxAccount, updateSandboxAccount } from "@/lib/data/sandbox";
import { endSandboxSessions } from "@/lib/providers/indeed/sessions";
import {
  employerInput,
  newSandboxAccountInput,
  readAccountForm,
  readEmployerForm,
  sandboxAccountUpdateInput,
} from "@/lib/sandbox/schemas";

export const createSandboxAccountAction = formAction(
  { name: "createSandboxAccount", input: newSandboxAccountInput, read: readAccountForm, permission: "platform:administer" },
  async ({ user, input }) => {
    const created = await createSandboxAccount(user, input);
    revalidatePath("/admin/sandbox");
    redirect(`/admin/sandbox?saved=${created.id}`);
  },
);

// Side by side, so that the account's issues keep their field names ("email", not "account.email").
const accountEdit = z.object({ accountId: z.uuid({ message: "There is no such sandbox account." }) }).and(sandboxAccountUpdateInput);

export const updateSandboxAccountAction = formAction(
  {
    name: "updateSandboxAccount",
    input: accountEdit,
    read: (formData) => ({ ...readAccountForm(formData), accountId: formText(formData, "accountId") }),
    permission: "platform:administer",
  },
  async ({ user, input: { accountId, ...account } }) => {
    await updateSandboxAccount(user, accountId, account, endSandboxSessions);
    revalidatePath("/admin/sandbox");
    redirect(`/admin/sandbox?saved=${accountId}`);
  },
);

export const createEmployerAction = formAction(
  { name: "createEmployer", input: employerInput, read: readEmployerForm, permission: "platform:administer" },
  async ({ user, input }) => {
    const employer = await createEmployer(user, input);
    revalidatePath("/admin/sandbox", "layout");
    return { message: `${employer.name} is added, with id ${employer.id}.` };
  },
);
