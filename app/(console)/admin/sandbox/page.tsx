import type { Metadata } from "next";
import Link from "next/link";
import { listSandboxAccounts } from "@/lib/data/sandbox";
import { PageHeader } from "@/components/page-header";
import { FormMessage } from "@/components/form-message";
import { buttonClass } from "@/components/ui/button";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Sandbox Indeed accounts" };

export default async function SandboxAccountsPage({ searchParams }: PageProps<"/admin/sandbox">) {
  const user = await requireAdminPage("platform:administer");
  const [accounts, params] = await Promise.all([listSandboxAccounts(user), searchParams]);
  const saved = accounts.find((a) => a.id === params.saved);

  return (
    <>
      <AdminBreadcrumb trail={[]} current="Sandbox Indeed accounts" />
      <PageHeader
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
      />
      {saved ? (
        <div className="mb-4">
          <FormMessage result={{ ok: true, message: `${saved.email} is saved.` }} />
        </div>
      ) : null}
      {accounts.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">There are no sandbox accounts yet.</p>
          <p className="mt-1 text-sm text-slate-600">Add one so that partners can test their apps&apos; sign-in.</p>
        </div>
      ) : (
        <div
          role="region"
          aria-label="Sandbox Indeed accounts"
          tabIndex={0}
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="sr-only">Sandbox Indeed accounts, by email</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Account</th>
                <th scope="col" className="px-4 py-3 font-semibold">Subject</th>
                <th scope="col" className="px-4 py-3 font-semibold">Partner</th>
                <th scope="col" className="px-4 py-3 font-semibold">Employers</th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
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
                    <Link href={`/admin/sandbox/${a.id}/edit`} className={buttonClass("secondary", "px-3 py-1.5")}>
                      Edit<span className="sr-only"> {a.email}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
