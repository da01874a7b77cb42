import type { Metadata } from "next";
import { listPartnersForNewApp } from "@/lib/data/apps";
import { AdminFormPage } from "../../_components/admin-form-page";
import { requireAdminPage } from "../../_lib/require-admin";
import { NewAppForm } from "./_components/new-app-form";

export const metadata: Metadata = { title: "Create an app" };

export default async function NewAppPage() {
  const user = await requireAdminPage("apps:create");
  const partners = await listPartnersForNewApp(user);
  return (
    <AdminFormPage
      trail={[]}
      current="Create an app"
      description="Indeed configures each app for its partner. The app's credentials are created with it; the authorization code grant starts its review."
    >
      <NewAppForm partners={partners} />
    </AdminFormPage>
  );
}
