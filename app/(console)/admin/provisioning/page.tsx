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
            <div
              role="region"
              aria-labelledby="queue-heading"
              tabIndex={0}
              className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              <table className="w-full min-w-[56rem] text-left text-sm">
                <caption className="sr-only">Services waiting for an admin, oldest first</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold">App</th>
                    <th scope="col" className="px-4 py-3 font-semibold">Partner</th>
                    <th scope="col" className="px-4 py-3 font-semibold">Service</th>
                    <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                    <th scope="col" className="px-4 py-3 font-semibold">Waiting since</th>
                    <th scope="col" className="px-4 py-3 font-semibold">Actions</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
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
                </tbody>
              </table>
            </div>
          )}
        </QueueFeedback>
      </section>
    </>
  );
}

function EmptyQueue({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      {filtered ? (
        <>
          <p className="font-medium">Nothing waiting matches these filters.</p>
          <p className="mt-1 text-sm text-slate-600">
            <Link href="/admin/provisioning">Show the whole queue</Link>
          </p>
        </>
      ) : (
        <>
          <p className="font-medium">Nothing is waiting for an admin.</p>
          <p className="mt-1 text-sm text-slate-600">
            Services appear here when a partner requests them or asks for a review.
          </p>
        </>
      )}
    </div>
  );
}
