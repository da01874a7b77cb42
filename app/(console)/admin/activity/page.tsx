import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listActivity } from "@/lib/data/activity";
import { PageHeader } from "@/components/page-header";
import { ActivityList, ActivityPager } from "@/components/activity-list";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Activity" };

export default async function AdminActivityPage({ searchParams }: PageProps<"/admin/activity">) {
  const user = await requireAdminPage("apps:view-all");
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
  const activity = await listActivity(user, { page });
  if (!activity) notFound();
  return (
    <>
      <AdminBreadcrumb trail={[]} current="Activity" />
      <PageHeader title="Activity" description="Credential and provisioning changes on every partner's apps, newest first." />
      <ActivityList showApp entries={activity.entries.map((e) => ({ ...e, at: e.at.toISOString() }))} />
      <ActivityPager base="/admin/activity" page={activity.page} hasNext={activity.hasNext} />
    </>
  );
}
