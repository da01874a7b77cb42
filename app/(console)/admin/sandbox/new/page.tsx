import type { Metadata } from "next";
import { listEmployers, listPartnerChoices } from "@/lib/data/sandbox";
import { AdminFormPage } from "../../_components/admin-form-page";
import { requireAdminPage } from "../../_lib/require-admin";
import { AccountForm } from "../_components/account-form";

export const metadata: Metadata = { title: "Add a sandbox account" };

export default async function NewSandboxAccountPage() {
  const user = await requireAdminPage("platform:administer");
  const [partners, employers] = await Promise.all([listPartnerChoices(user), listEmployers(user)]);
  return (
    <AdminFormPage
      trail={[{ href: "/admin/sandbox", label: "Sandbox Indeed accounts" }]}
      current="Add an account"
      title="Add a sandbox account"
      description="An Indeed job-site account for testing sign-in with Indeed."
    >
      <AccountForm partners={partners} employers={employers.map(({ id, name }) => ({ id, name }))} />
    </AdminFormPage>
  );
}
