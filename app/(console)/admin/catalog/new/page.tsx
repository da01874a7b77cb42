import type { Metadata } from "next";
import { listCatalog } from "@/lib/data/catalog";
import { AdminFormPage } from "../../_components/admin-form-page";
import { requireAdminPage } from "../../_lib/require-admin";
import { ServiceForm } from "../_components/service-form";

export const metadata: Metadata = { title: "Add a service" };

export default async function NewServicePage() {
  const user = await requireAdminPage("apps:create");
  const catalog = await listCatalog(user);
  return (
    <AdminFormPage
      trail={[{ href: "/admin/catalog", label: "Service catalog" }]}
      current="Add a service"
      description="Partners can request it for their apps once it is in the catalog."
    >
      <ServiceForm
        others={catalog.map((s) => ({ id: s.id, name: s.name, provider: s.provider }))}
      />
    </AdminFormPage>
  );
}
