import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { listSeekHirersForAdmin } from "@/lib/data/seek-hirers";
import { SEEK_ENVIRONMENT_LABELS } from "@/lib/credentials/seek";
import { AdminBreadcrumb } from "../../_components/admin-breadcrumb";
import { requireAdminPage } from "../../_lib/require-admin";
import { NewHirerForm, RelationshipForm } from "../_components/seek-admin-forms";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "SEEK hirers" };

export default async function SeekHirersAdminPage() {
  const user = await requireAdminPage("platform:administer");
  const { hirers, partners } = await listSeekHirersForAdmin(user);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: "/admin/seek", label: "SEEK" }]} current="Hirers" />
      <PageHeader
        title="SEEK hirers"
        description="Sandbox hirers of the SEEK emulator and each partner’s relationships with them. Every change is recorded and shows in the partner’s activity."
      />
      <Card id="new-hirer-heading" title="Add a hirer" className="mb-6">
        <div className="mt-3">
          <NewHirerForm partners={partners} />
        </div>
      </Card>
      <ul aria-label="Hirers" className="flex flex-col gap-4">
        {hirers.map((h) => (
          <li key={h.id}>
            <article aria-labelledby={`hirer-${h.id}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id={`hirer-${h.id}`} className="text-base font-semibold">
                {h.name}
              </h2>
              <p className="mt-1 break-all font-mono text-xs text-slate-700">{h.id}</p>
              <p className="text-sm text-slate-600">
                {SEEK_ENVIRONMENT_LABELS[h.environment]}
                {h.seekAnzAdvertiserId ? ` · advertiser ${h.seekAnzAdvertiserId}` : ""}
                {h.testPartner ? ` · test hirer of ${h.testPartner.name}` : ""}
              </p>
              <div className="mt-3 grid gap-3 lg:grid-cols-2">
                {h.relationships.map((r) => (
                  <RelationshipForm key={r.partnerId} hirerId={h.id} hirerName={h.name} partners={partners} partnerId={r.partnerId} types={r.types} />
                ))}
                <RelationshipForm key={`new-${h.relationships.length}`} hirerId={h.id} hirerName={h.name} partners={partners} types={[]} />
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
