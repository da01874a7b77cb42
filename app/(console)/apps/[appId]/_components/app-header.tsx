import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { CREDENTIAL_TYPE_LABELS, PROVIDER_LABELS } from "@/lib/status";
import { AppTabs } from "./app-tabs";

export interface AppHeaderData {
  id: string;
  name: string;
  description: string;
  provider: keyof typeof PROVIDER_LABELS;
  credentialType: keyof typeof CREDENTIAL_TYPE_LABELS;
  partner: { name: string };
  _count?: { services: number };
}

export function AppHeader({ app, showPartner }: { app: AppHeaderData; showPartner: boolean }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/dashboard">Dashboard</Link>
        <span aria-hidden="true" className="mx-2 text-slate-400">
          /
        </span>
        <span aria-current="page" className="text-slate-700">
          {app.name}
        </span>
      </nav>
      <PageHeader
        title={app.name}
        eyebrow={showPartner ? app.partner.name : undefined}
        description={
          <>
            {app.description ? <span className="block">{app.description}</span> : null}
            <span className="mt-1 block text-xs">
              {PROVIDER_LABELS[app.provider]} · {CREDENTIAL_TYPE_LABELS[app.credentialType]} credentials
            </span>
          </>
        }
      />
      <AppTabs appId={app.id} provider={app.provider} hasServices={(app._count?.services ?? 0) > 0} />
    </>
  );
}
