import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listDashboardApps } from "@/lib/data/apps";
import { PageHeader } from "@/components/page-header";
import { AppCard } from "./_components/app-card";
import { HelpPanel } from "./_components/help-panel";
import { Pagination } from "./_components/pagination";

export const metadata: Metadata = { title: "Dashboard" };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser();
  const params = await searchParams;
  const result = await listDashboardApps(user, {
    page: Number(one(params.page) ?? 1),
    search: one(params.q),
  });
  const { apps, grouped, search, total } = result;

  const groups: { partner: string; apps: typeof apps }[] = [];
  for (const app of apps) {
    const last = groups.at(-1);
    if (grouped && last?.partner === app.partner.name) last.apps.push(app);
    else groups.push({ partner: app.partner.name, apps: [app] });
  }

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          grouped
            ? "Every partner's apps, grouped by partner, with the provisioning and review status of each integration."
            : "Your apps in alphabetical order, with the provisioning and review status of each integration."
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
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
          {apps.length === 0 ? (
            <EmptyState search={search} />
          ) : (
            groups.map((group) => (
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
          <Pagination page={result.page} pageCount={result.pageCount} search={search} />
        </section>
        <HelpPanel />
      </div>
    </>
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
