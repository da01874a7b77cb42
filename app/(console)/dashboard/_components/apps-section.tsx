"use client";

// The dashboard's apps, live: rendered on the server first, then polled, so a status an admin
// changes shows up on an open dashboard without reloading.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { LiveUpdateStatus } from "@/components/live-update-status";
import { dashboardAppsQuery, type DashboardQuery } from "../_lib/queries";
import type { DashboardView } from "@/lib/views/dashboard";
import { AppCard } from "./app-card";
import { Pagination } from "./pagination";

type App = DashboardView["apps"][number];

/** Consecutive apps of the same partner, for the admin's grouped view (the order is the server's). */
function groupByPartner(apps: App[], grouped: boolean) {
  const groups: { partner: string; apps: App[] }[] = [];
  for (const app of apps) {
    const last = groups.at(-1);
    // Ungrouped (a partner's own view) is one list: every app joins the first group.
    if (last && (!grouped || last.partner === app.partner.name)) last.apps.push(app);
    else groups.push({ partner: app.partner.name, apps: [app] });
  }
  return groups;
}

export function AppsSection({ query: requested, initial }: { query: DashboardQuery; initial: DashboardView }) {
  const query = useQuery({
    ...dashboardAppsQuery(requested),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.asOf),
  });
  const { apps, grouped, search, total, page, pageCount } = query.data;

  return (
    <section aria-labelledby="apps-heading" className="min-w-0">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="apps-heading" className="text-lg font-semibold">
          Apps <span className="text-sm font-normal text-slate-600">({total})</span>
        </h2>
        <form role="search" className="flex gap-2" action="/dashboard">
          <label htmlFor="app-search" className="sr-only">
            Search apps by name
          </label>
          <input
            id="app-search"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Search apps"
            className="w-48 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            Search
          </button>
        </form>
      </div>
      <LiveUpdateStatus error={query.error} updatedAt={query.dataUpdatedAt} />
      {apps.length === 0 ? (
        <EmptyState search={search} />
      ) : (
        groupByPartner(apps, grouped).map((group) => (
          <div key={group.partner} className="mb-6">
            {grouped ? (
              <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{group.partner}</h3>
            ) : null}
            <ul className="flex flex-col gap-3" aria-label={grouped ? `${group.partner} apps` : "Your apps"}>
              {group.apps.map((app) => (
                <li key={app.id}>
                  <AppCard app={app} headingLevel={grouped ? 4 : 3} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <Pagination page={page} pageCount={pageCount} search={search} />
    </section>
  );
}

function EmptyState({ search }: { search: string }) {
  if (search) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-medium">No apps match “{search}”.</p>
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/dashboard">Show all apps</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">You have no apps yet.</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        Indeed configures your apps during onboarding. Contact your Indeed representative or{" "}
        <a href="mailto:marketplacesupport@indeed.com">marketplacesupport@indeed.com</a> to set up your first
        integration; it will appear here.
      </p>
    </div>
  );
}
