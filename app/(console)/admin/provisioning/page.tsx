import type { Metadata } from "next";
import Link from "next/link";
import { listCatalog } from "@/lib/data/catalog";
import { listProvisioningQueue } from "@/lib/data/provisioning";
import { availableActions, MOVES } from "@/lib/provisioning/lifecycle";
import { compareNames } from "@/lib/sort";
import { PROVIDER_LABELS } from "@/lib/status";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";
import { hasFilters, parseQueueFilters } from "./_lib/filters";
import { isQueueAction } from "./_lib/queue-actions";
import { QueueFeedback } from "./_components/queue-feedback";
import { QueueFiltersForm, type FilterOptions } from "./_components/queue-filters";
import { QueueRowActions, type QueueAction } from "./_components/queue-row-actions";
import { DataTable, EmptyState } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Provisioning queue" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ProvisioningQueuePage({ searchParams }: PageProps<"/admin/provisioning">) {
  const user = await requireAdminPage("services:administer");
  const filters = parseQueueFilters(await searchParams);
  const active = hasFilters(filters);
  const [rows, everything, catalog] = await Promise.all([
    listProvisioningQueue(user, filters),
    active ? listProvisioningQueue(user) : null,
    listCatalog(user),
  ]);

  // Partners with something waiting, plus the one filtered on if its last item just left.
  const partners = new Map<string, string>();
  for (const row of everything ?? rows) partners.set(row.app.partner.id, row.app.partner.name);
  if (filters.partnerId && !partners.has(filters.partnerId)) partners.set(filters.partnerId, "Selected partner (nothing waiting)");
  const options: FilterOptions = {
    services: catalog.map((s) => ({ id: s.id, name: s.name, provider: s.provider })),
    partners: [...partners].map(([id, name]) => ({ id, name })).sort((a, b) => compareNames(a.name, b.name)),
  };

  return (
    <>
      <AdminBreadcrumb trail={[]} current="Provisioning queue" />
      <PageHeader
        title="Provisioning queue"
        description="Services waiting for an admin to provision them or to review the integration, oldest first."
      />
      {/* Re-mounted when the URL changes, so "Clear filters" also clears the fields. */}
      <QueueFiltersForm key={JSON.stringify(filters)} filters={filters} options={options} active={active} />
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
          Waiting <span className="text-sm font-normal text-slate-600">({rows.length})</span>
        </h2>
        {/* A new filter starts without the previous view's messages. */}
        <QueueFeedback key={JSON.stringify(filters)} rowIds={rows.map((r) => r.id)}>
          {rows.length === 0 ? (
            <EmptyQueue filtered={active} />
          ) : (
            <DataTable
              labelledBy="queue-heading"
              caption="Services waiting for an admin, oldest first"
              className="min-w-[56rem]"
              columns={[{ label: "App" }, { label: "Partner" }, { label: "Service" }, { label: "Status" }, { label: "Waiting since" }, { label: "Actions" }]}
            >
                  {rows.map((row) => {
                    const actions: QueueAction[] = availableActions(user.role, row.status)
                      .filter(isQueueAction)
                      .map((a) => ({
                        action: a,
                        label: MOVES[a].label,
                        noteRequired: MOVES[a].noteRequired,
                      }));
                    return (
                      <tr key={row.id} className="align-top">
                        <th scope="row" className="px-4 py-3 font-medium">
                          <Link href={`/apps/${row.app.id}/services`}>{row.app.name}</Link>
                          <div className="text-xs font-normal text-slate-600">{PROVIDER_LABELS[row.app.provider]}</div>
                        </th>
                        <td className="px-4 py-3">{row.app.partner.name}</td>
                        <td className="px-4 py-3">{row.service.name}</td>
                        <td className="px-4 py-3">
                          <StatusBadge status={row.status} />
                        </td>
                        <td className="px-4 py-3 whitespace-nowrap">
                          <time dateTime={row.statusChangedAt.toISOString()}>
                            {dateFormat.format(row.statusChangedAt)} UTC
                          </time>
                        </td>
                        <td className="px-4 py-3">
                          <QueueRowActions
                            row={{
                              id: row.id,
                              appId: row.app.id,
                              appName: row.app.name,
                              serviceId: row.service.id,
                              serviceName: row.service.name,
                              version: row.version,
                            }}
                            actions={actions}
                          />
                        </td>
                      </tr>
                    );
                  })}
            </DataTable>
          )}
        </QueueFeedback>
      </section>
    </>
  );
}

function EmptyQueue({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState title="Nothing waiting matches these filters.">
      <Link href="/admin/provisioning">Show the whole queue</Link>
    </EmptyState>
  ) : (
    <EmptyState title="Nothing is waiting for an admin.">Services appear here when a partner requests them or asks for a review.</EmptyState>
  );
}
