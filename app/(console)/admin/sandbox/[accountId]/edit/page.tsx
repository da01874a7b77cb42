import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSandboxAccount, listEmployers, listPartnerChoices } from "@/lib/data/sandbox";
import { AdminFormPage } from "../../../_components/admin-form-page";
import { requireAdminPage } from "../../../_lib/require-admin";
import { AccountForm } from "../../_components/account-form";

export const metadata: Metadata = { title: "Edit a sandbox account" };

export default async function EditSandboxAccountPage({ params }: PageProps<"/admin/sandbox/[accountId]/edit">) {
  const { accountId } = await params;
  const user = await requireAdminPage("platform:administer");
  const [account, partners, employers] = await Promise.all([
    getSandboxAccount(user, accountId),
    listPartnerChoices(user),
    listEmployers(user),
  ]);
  if (!account) notFound();
  return (
    <AdminFormPage
      trail={[{ href: "/admin/sandbox", label: "Sandbox Indeed accounts" }]}
      current={`Edit ${account.email}`}
      description={<>Subject (the OIDC <code>sub</code>): <code>{account.subject}</code></>}
    >
      <AccountForm
        accountId={account.id}
        initial={{
          email: account.email,
          name: account.name,
          partnerId: account.partner?.id ?? "",
          registrant: account.registrantOf !== null,
          employerIds: account.employers.map((e) => e.id),
        }}
        partners={partners}
        employers={employers.map(({ id, name }) => ({ id, name }))}
      />
    </AdminFormPage>
  );
}
