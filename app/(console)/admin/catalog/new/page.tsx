import type { Metadata } from "next";
import { listCatalog } from "@/lib/data/catalog";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "../../_components/admin-breadcrumb";
import { requireAdminPage } from "../../_lib/require-admin";
import { ServiceForm } from "../_components/service-form";

export const metadata: Metadata = { title: "Add a service" };

export default async function NewServicePage() {
  const user = await requireAdminPage("apps:create");
  const catalog = await listCatalog(user);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: "/admin/catalog", label: "Service catalog" }]} current="Add a service" />
      <PageHeader title="Add a service" description="Partners can request it for their apps once it is in the catalog." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ServiceForm
          others={catalog.map((s) => ({ id: s.id, name: s.name, provider: s.provider }))}
        />
      </div>
    </>
  );
}
