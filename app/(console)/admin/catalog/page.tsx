import type { Metadata } from "next";
import Link from "next/link";
import { listCatalog } from "@/lib/data/catalog";
import { PROVIDER_LABELS } from "@/lib/status";
import { PageHeader } from "@/components/page-header";
import { FormMessage } from "@/components/form-message";
import { buttonClass } from "@/components/ui/button";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Service catalog" };

type Named = { id: string; name: string };

export default async function CatalogPage({ searchParams }: PageProps<"/admin/catalog">) {
  const user = await requireAdminPage("apps:create");
  const [catalog, params] = await Promise.all([listCatalog(user), searchParams]);
  // After a save, the form redirects here with the service's id.
  const saved = catalog.find((s) => s.id === params.saved);

  return (
    <>
      <AdminBreadcrumb trail={[]} current="Service catalog" />
      <PageHeader
        title="Service catalog"
        description="The services partners can request for their apps, and the rules between them."
        actions={
          <Link href="/admin/catalog/new" className={buttonClass("primary")}>
            Add a service
          </Link>
        }
      />
      {saved ? (
        <div className="mb-4">
          <FormMessage result={{ ok: true, message: `“${saved.name}” is saved.` }} />
        </div>
      ) : null}
      {catalog.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">The catalog is empty.</p>
          <p className="mt-1 text-sm text-slate-600">Add a service so that partners can request it.</p>
        </div>
      ) : (
        <div
          role="region"
          aria-label="Service catalog"
          tabIndex={0}
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <table className="w-full min-w-[60rem] text-left text-sm">
            <caption className="sr-only">Catalog services, by provider and name</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Service</th>
                <th scope="col" className="px-4 py-3 font-semibold">Provider</th>
                <th scope="col" className="px-4 py-3 font-semibold">Review required</th>
                <th scope="col" className="px-4 py-3 font-semibold">Links</th>
                <th scope="col" className="px-4 py-3 font-semibold">Rules</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Apps</th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {catalog.map((s) => {
                // Conflicts are symmetric: either side's entry counts.
                const conflicts = unique([...s.conflictsWith, ...s.conflictedBy]);
                return (
                  <tr key={s.id} className="align-top">
                    <th scope="row" className="px-4 py-3 font-medium">
                      {s.name}
                      <div className="font-mono text-xs font-normal text-slate-600">{s.slug}</div>
                    </th>
                    <td className="px-4 py-3">{PROVIDER_LABELS[s.provider]}</td>
                    <td className="px-4 py-3">{s.reviewRequired ? "Yes" : "No"}</td>
                    <td className="px-4 py-3">
                      <ul className="flex flex-col gap-1">
                        <li>
                          <a href={s.documentationUrl} target="_blank" rel="noreferrer">
                            Documentation<span className="sr-only"> for {s.name} (opens in a new tab)</span>
                          </a>
                        </li>
                        <li>
                          {s.testingToolUrl ? (
                            <a href={s.testingToolUrl}>
                              Testing tool<span className="sr-only"> for {s.name}</span>
                            </a>
                          ) : (
                            <span className="text-slate-600">No testing tool</span>
                          )}
                        </li>
                      </ul>
                    </td>
                    <td className="px-4 py-3">
                      <Rules requires={s.requires} conflicts={conflicts} bundles={s.bundles} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{s._count.appServices}</td>
                    <td className="px-4 py-3 text-right">
                      <Link href={`/admin/catalog/${s.id}/edit`} className={buttonClass("secondary", "px-3 py-1.5")}>
                        Edit<span className="sr-only"> {s.name}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function unique(services: Named[]): Named[] {
  return [...new Map(services.map((s) => [s.id, s])).values()].sort((a, b) => a.name.localeCompare(b.name));
}

function Rules({ requires, conflicts, bundles }: { requires: Named[]; conflicts: Named[]; bundles: Named[] }) {
  const rules = [
    { term: "Requires", services: requires },
    { term: "Conflicts with", services: conflicts },
    { term: "Provisioned with", services: bundles },
  ].filter((r) => r.services.length);
  if (!rules.length) return <span className="text-slate-600">None</span>;
  return (
    <dl className="flex flex-col gap-1">
      {rules.map((r) => (
        <div key={r.term}>
          <dt className="inline text-slate-600">{r.term}: </dt>
          <dd className="inline">{r.services.map((s) => s.name).join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
