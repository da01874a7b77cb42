import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { getSeekAdminOverview } from "@/lib/data/seek-admin";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";
import { LiveRequestDecision, SelfServiceSwitch, SettingsForm } from "./_components/seek-admin-forms";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "SEEK" };

export default async function SeekAdminPage() {
  const user = await requireAdminPage("platform:administer");
  const { pending, decided, partners, settings } = await getSeekAdminOverview(user);
  return (
    <>
      <AdminBreadcrumb trail={[]} current="SEEK" />
      <PageHeader
        title="SEEK"
        description={
          <>
            Live-credential requests, each partner’s live self-service, and the emulator’s settings.{" "}
            <Link href="/admin/seek/hirers">Sandbox hirers and relationships</Link>.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Card id="live-requests-heading" title="Live credential requests">
          {pending.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No request is waiting.</p>
          ) : (
            <ul aria-label="Waiting requests" className="mt-3 flex flex-col gap-3">
              {pending.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3">
                  <article aria-label={`${r.partner.name}: ${r.app.name}`}>
                    <p className="font-medium text-slate-900">
                      {r.partner.name} · {r.app.name}
                    </p>
                    <p className="text-sm text-slate-600">
                      Requested <DateTime value={r.createdAt} />
                      {r.requestedBy ? ` by ${r.requestedBy.name}` : ""}.
                    </p>
                    {r.note ? <p className="mt-1 text-sm text-slate-800">“{r.note}”</p> : null}
                    <div className="mt-2">
                      <LiveRequestDecision requestId={r.id} label={`${r.partner.name}, ${r.app.name}`} />
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
          {decided.length ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Recently decided</summary>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {decided.map((r) => (
                  <li key={r.id}>
                    {r.partner.name} · {r.app.name}: {r.status === "APPROVED" ? "approved" : "refused"}
                    {r.decidedAt ? <> on <DateTime value={r.decidedAt} /></> : null}
                    {r.decidedBy ? ` by ${r.decidedBy.name}` : ""}
                    {r.reason ? ` (${r.reason})` : ""}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </Card>

        <Card id="self-service-heading" title="Live self-service">
          <p className="mt-1 text-sm text-slate-600">
            When on, the partner’s owners issue and rotate live credentials themselves; GraphQL answers it as
            credentialSelfServiceApprovedIndicator.
          </p>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Partners</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Partner</th>
                <th scope="col" className="py-1 pr-3 font-medium">SEEK apps</th>
                <th scope="col" className="py-1 pr-3 font-medium">Live self-service</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 pr-3 font-normal">{p.name}</th>
                  <td className="py-1.5 pr-3">{p._count.apps}</td>
                  <td className="py-1.5 pr-3">
                    <SelfServiceSwitch partnerId={p.id} partnerName={p.name} enabled={p.seekLiveSelfService} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        <Card id="seek-settings-heading" title="Emulator settings">
          <div className="mt-3 max-w-md">
            <SettingsForm expiresIn={settings.partnerTokenExpiresIn} />
          </div>
        </Card>
      </div>
    </>
  );
}
