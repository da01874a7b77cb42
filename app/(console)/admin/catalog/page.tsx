import type { Metadata } from "next";
import Link from "next/link";
import { listCatalog } from "@/lib/data/catalog";
import { PROVIDER_LABELS } from "@/lib/status";
import { buttonClass } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { EditLink } from "../_components/edit-link";
import { AdminListPage } from "../_components/admin-list-page";
import { loadAdminList } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Service catalog" };

type Named = { id: string; name: string };

export default async function CatalogPage({ searchParams }: PageProps<"/admin/catalog">) {
  const { rows: catalog, saved } = await loadAdminList("apps:create", listCatalog, searchParams);

  return (
    <AdminListPage
      title="Service catalog"
      description="The services partners can request for their apps, and the rules between them."
      actions={
        <Link href="/admin/catalog/new" className={buttonClass("primary")}>
          Add a service
        </Link>
      }
      saved={saved && `“${saved.name}” is saved.`}
    >
      {catalog.length === 0 ? (
        <EmptyState title="The catalog is empty.">Add a service so that partners can request it.</EmptyState>
      ) : (
        <DataTable
          label="Service catalog"
          caption="Catalog services, by provider and name"
          className="min-w-[60rem]"
          columns={[
            { label: "Service" },
            { label: "Provider" },
            { label: "Review required" },
            { label: "Links" },
            { label: "Rules" },
            { label: "Apps", align: "right" },
            { label: "Actions", srOnly: true },
          ]}
        >
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
                      <EditLink href={`/admin/catalog/${s.id}/edit`} name={s.name} />
                    </td>
                  </tr>
                );
              })}
        </DataTable>
      )}
    </AdminListPage>
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
