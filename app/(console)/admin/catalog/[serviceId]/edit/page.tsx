import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listCatalog } from "@/lib/data/catalog";
import { AdminFormPage } from "../../../_components/admin-form-page";
import { requireAdminPage } from "../../../_lib/require-admin";
import { ServiceForm } from "../../_components/service-form";

export const metadata: Metadata = { title: "Edit a service" };

export default async function EditServicePage({ params }: PageProps<"/admin/catalog/[serviceId]/edit">) {
  const { serviceId } = await params;
  const user = await requireAdminPage("apps:create");
  const catalog = await listCatalog(user);
  const service = catalog.find((s) => s.id === serviceId);
  if (!service) notFound();
  const ids = (list: { id: string }[]) => list.map((s) => s.id);

  return (
    <AdminFormPage
      trail={[{ href: "/admin/catalog", label: "Service catalog" }]}
      current={`Edit ${service.name}`}
      description={`Used by ${service._count.appServices} ${service._count.appServices === 1 ? "app" : "apps"}. Changes show on their services tabs at once; rules apply to new requests.`}
    >
      <ServiceForm
        serviceId={service.id}
        initial={{
          name: service.name,
          slug: service.slug,
          provider: service.provider,
          description: service.description,
          reviewRequired: service.reviewRequired,
          documentationUrl: service.documentationUrl,
          testingToolUrl: service.testingToolUrl ?? "",
          conflictsWith: ids(service.conflictsWith),
          requires: ids(service.requires),
          bundles: ids(service.bundles),
        }}
        others={catalog.filter((s) => s.id !== service.id).map((s) => ({ id: s.id, name: s.name, provider: s.provider }))}
        conflictedBy={service.conflictedBy.filter((s) => !service.conflictsWith.some((c) => c.id === s.id))}
      />
    </AdminFormPage>
  );
}
