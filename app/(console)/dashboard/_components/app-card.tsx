import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { PROVIDER_LABELS, type ProvisioningStatus } from "@/lib/status";

export interface AppCardData {
  id: string;
  name: string;
  description: string;
  provider: keyof typeof PROVIDER_LABELS;
  services: { id: string; status: ProvisioningStatus; service: { name: string } }[];
}

export function AppCard({ app, headingLevel = 3 }: { app: AppCardData; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`app-${app.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={`app-${app.id}`} className="text-base font-semibold">
          <Link href={`/apps/${app.id}/${app.provider === "SEEK" && app.services.length === 0 ? "credentials" : "services"}`}>{app.name}</Link>
        </Heading>
        {app.provider === "SEEK" ? (
          <span className="rounded-full border border-pink-200 bg-pink-50 px-2 py-0.5 text-xs font-medium text-pink-900">SEEK</span>
        ) : (
          <span className="text-xs text-slate-600">{PROVIDER_LABELS[app.provider]}</span>
        )}
      </div>
      {app.description ? <p className="mt-1 text-sm text-slate-600">{app.description}</p> : null}
      {app.services.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          {app.provider === "SEEK" ? "SEEK API client credentials, hirers and relationships." : "No integrations yet."}
        </p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Integrations of {app.name}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {app.services.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal text-slate-800">
                  {s.service.name}
                </th>
                <td className="py-1.5 text-right">
                  <StatusBadge status={s.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
