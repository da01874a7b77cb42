import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { readServicesTab } from "@/lib/data/services-tab";
import { AppHeader } from "../_components/app-header";
import { servicesView } from "@/lib/views/services";
import { ServicesView } from "./_components/services-view";

export const metadata: Metadata = { title: "APIs and services" };

export default async function ServicesPage({ params }: PageProps<"/apps/[appId]/services">) {
  const { appId } = await params;
  const user = await requireUser();
  // One statement for the header and the tab (docs/decisions/035).
  const tab = await readServicesTab(user, appId);
  if (!tab) notFound();
  const { app } = tab;

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <ServicesView appId={app.id} role={user.role} initial={servicesView(tab)} />
    </>
  );
}
