import type { Metadata } from "next";
import { listEmployers, listPartnerChoices } from "@/lib/data/sandbox";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "../../_components/admin-breadcrumb";
import { requireAdminPage } from "../../_lib/require-admin";
import { AccountForm } from "../_components/account-form";

export const metadata: Metadata = { title: "Add a sandbox account" };

export default async function NewSandboxAccountPage() {
  const user = await requireAdminPage("platform:administer");
  const [partners, employers] = await Promise.all([listPartnerChoices(user), listEmployers(user)]);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: "/admin/sandbox", label: "Sandbox Indeed accounts" }]} current="Add an account" />
      <PageHeader title="Add a sandbox account" description="An Indeed job-site account for testing sign-in with Indeed." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <AccountForm partners={partners} employers={employers.map(({ id, name }) => ({ id, name }))} />
      </div>
    </>
  );
}
