import type { Metadata } from "next";
import Link from "next/link";
import { listSandboxAccounts } from "@/lib/data/sandbox";
import { buttonClass } from "@/components/ui/button";
import { AdminListPage } from "../_components/admin-list-page";
import { loadAdminList } from "../_lib/require-admin";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { EditLink } from "../_components/edit-link";

export const metadata: Metadata = { title: "Sandbox Indeed accounts" };

export default async function SandboxAccountsPage({ searchParams }: PageProps<"/admin/sandbox">) {
  const { rows: accounts, saved } = await loadAdminList("platform:administer", listSandboxAccounts, searchParams);

  return (
    <AdminListPage
      title="Sandbox Indeed accounts"
      description={
        <>
          The job-site accounts that sign in to the Indeed emulator at <code>/indeed/sign-in</code> and authorize apps,
          and the employers they act for.
        </>
      }
      actions={
        <>
          <Link href="/admin/sandbox/employers" className={buttonClass("secondary")}>
            Employers
          </Link>
          <Link href="/admin/sandbox/new" className={buttonClass("primary")}>
            Add an account
          </Link>
        </>
      }
      saved={saved && `${saved.email} is saved.`}
    >
      {accounts.length === 0 ? (
        <EmptyState title="There are no sandbox accounts yet.">Add one so that partners can test their apps&apos; sign-in.</EmptyState>
      ) : (
        <DataTable
          label="Sandbox Indeed accounts"
          caption="Sandbox Indeed accounts, by email"
          className="min-w-[56rem]"
          columns={[{ label: "Account" }, { label: "Subject" }, { label: "Partner" }, { label: "Employers" }, { label: "Actions", srOnly: true }]}
        >
              {accounts.map((a) => (
                <tr key={a.id} className="align-top">
                  <th scope="row" className="px-4 py-3 font-medium">
                    {a.email}
                    <div className="font-normal text-slate-600">{a.name}</div>
                  </th>
                  <td className="px-4 py-3 font-mono text-xs">{a.subject}</td>
                  <td className="px-4 py-3">
                    {a.partner ? a.partner.name : <span className="text-slate-600">None (an ordinary user)</span>}
                    {a.registrantOf ? <div className="text-xs text-slate-600">Registered its apps</div> : null}
                  </td>
                  <td className="px-4 py-3">
                    {a.employers.length ? (
                      <ul className="flex flex-col gap-0.5">
                        {a.employers.map((e) => (
                          <li key={e.id}>{e.name}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-600">None</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <EditLink href={`/admin/sandbox/${a.id}/edit`} name={a.email} />
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </AdminListPage>
  );
}
