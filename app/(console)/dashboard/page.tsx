import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/page-header";
import { AppsSection } from "./_components/apps-section";
import { ChangesNotice } from "./_components/changes-notice";
import { HelpPanel } from "./_components/help-panel";
import { dashboardQueryFrom } from "@/lib/views/dashboard-query";
import { loadDashboardView, loadUnseenChanges } from "@/lib/views/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser();
  const params = await searchParams;
  const query = dashboardQueryFrom({ page: one(params.page), q: one(params.q) });
  const [view, changes] = await Promise.all([loadDashboardView(user, query), loadUnseenChanges(user)]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          view.grouped
            ? "Every partner's apps, grouped by partner, with the provisioning and review status of each integration."
            : "Your apps in alphabetical order, with the provisioning and review status of each integration."
        }
      />
      <ChangesNotice initial={changes} />
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <AppsSection query={query} initial={view} />
        <HelpPanel />
      </div>
    </>
  );
}
