import type { Metadata } from "next";
import { listEmployers } from "@/lib/data/sandbox";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "../../_components/admin-breadcrumb";
import { requireAdminPage } from "../../_lib/require-admin";
import { EmployerForm } from "./_components/employer-form";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Sandbox employers" };

export default async function SandboxEmployersPage() {
  const user = await requireAdminPage("platform:administer");
  const employers = await listEmployers(user);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: "/admin/sandbox", label: "Sandbox Indeed accounts" }]} current="Employers" />
      <PageHeader
        title="Sandbox employers"
        description="The employer (advertiser) accounts of the sandbox Indeed world. Link them to sandbox accounts on the account's page."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        {employers.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">There are no employers yet.</p>
        ) : (
          <DataTable label="Employers" caption="Employers, by name" columns={[{ label: "Employer" }, { label: "Id" }, { label: "Accounts", align: "right" }]}>
                {employers.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" className="px-4 py-3 font-medium">{e.name}</th>
                    <td className="px-4 py-3 font-mono text-xs">{e.id}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{e._count.accounts}</td>
                  </tr>
                ))}
          </DataTable>
        )}
        <section aria-labelledby="add-employer" className="h-fit rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="add-employer" className="text-base font-semibold">Add an employer</h2>
          <EmployerForm />
        </section>
      </div>
    </>
  );
}
