import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { listActivity } from "@/lib/data/activity";
import { ActivityList, ActivityPager } from "@/components/activity-list";
import { AppHeader } from "../_components/app-header";

export const metadata: Metadata = { title: "Activity" };

function pageOf(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

export default async function ActivityPage({ params, searchParams }: PageProps<"/apps/[appId]/activity">) {
  const { appId } = await params;
  const page = pageOf((await searchParams).page);
  const user = await requireUser();
  const [app, activity] = await Promise.all([findApp(user, appId), listActivity(user, { appId, page })]);
  if (!app || !activity) notFound();

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <h2 className="mb-1 text-lg font-semibold">Activity</h2>
      <p className="mb-4 text-sm text-slate-600">Credential and provisioning changes on this app, newest first.</p>
      <ActivityList
        showApp={false}
        entries={activity.entries.map((e) => ({ ...e, at: e.at.toISOString() }))}
      />
      <ActivityPager base={`/apps/${app.id}/activity`} page={activity.page} hasNext={activity.hasNext} />
    </>
  );
}
