import type { Metadata } from "next";
import { listPartnersForNewApp } from "@/lib/data/apps";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "../../_components/admin-breadcrumb";
import { requireAdminPage } from "../../_lib/require-admin";
import { NewAppForm } from "./_components/new-app-form";

export const metadata: Metadata = { title: "Create an app" };

export default async function NewAppPage() {
  const user = await requireAdminPage("apps:create");
  const partners = await listPartnersForNewApp(user);
  return (
    <>
      <AdminBreadcrumb trail={[]} current="Create an app" />
      <PageHeader
        title="Create an app"
        description="Indeed configures each app for its partner. The app's credentials are created with it; the authorization code grant starts its review."
      />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewAppForm partners={partners} />
      </div>
    </>
  );
}
