import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { AppHeader } from "../_components/app-header";
import { loadServicesView } from "@/lib/views/services";
import { ServicesView } from "./_components/services-view";

export const metadata: Metadata = { title: "APIs and services" };

export default async function ServicesPage({ params }: PageProps<"/apps/[appId]/services">) {
  const { appId } = await params;
  const user = await requireUser();
  const [app, view] = await Promise.all([findApp(user, appId), loadServicesView(user, appId)]);
  if (!app || !view) notFound();

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <ServicesView appId={app.id} role={user.role} initial={view} />
    </>
  );
}
