import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp, listAppServices } from "@/lib/data/apps";
import { StatusBadge } from "@/components/status-badge";
import { STATUS_DESCRIPTIONS } from "@/lib/status";
import { AppHeader } from "../_components/app-header";

export const metadata: Metadata = { title: "APIs and services" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ServicesPage({ params }: PageProps<"/apps/[appId]/services">) {
  const { appId } = await params;
  const user = await requireUser();
  const [app, services] = await Promise.all([findApp(user, appId), listAppServices(user, appId)]);
  if (!app || !services) notFound();

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="sr-only">
          APIs and services
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          The services this app can access, most recent provisioning change first.
        </p>
        {services.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
            <p className="font-medium">This app has no services yet.</p>
            <p className="mt-1 text-sm text-slate-600">
              To add a service, contact your Indeed representative or{" "}
              <a href="mailto:marketplacesupport@indeed.com">marketplacesupport@indeed.com</a>.
            </p>
          </div>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="Services">
            {services.map((s) => (
              <li key={s.id}>
                <article
                  aria-labelledby={`service-${s.id}`}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 id={`service-${s.id}`} className="text-base font-semibold">
                      {s.service.name}
                    </h3>
                    <StatusBadge status={s.status} />
                  </div>
                  <p className="mt-1 text-sm text-slate-700">{s.service.description}</p>
                  <p className="mt-2 text-xs text-slate-600">
                    {STATUS_DESCRIPTIONS[s.status]} Last change:{" "}
                    <time dateTime={s.statusChangedAt.toISOString()}>{dateFormat.format(s.statusChangedAt)} UTC</time>
                  </p>
                  <div className="mt-3 flex flex-wrap gap-4 text-sm">
                    <a href={s.service.documentationUrl} target="_blank" rel="noreferrer">
                      {s.service.name} documentation<span className="sr-only"> (opens in a new tab)</span>
                    </a>
                    {s.service.testingToolUrl ? <a href={s.service.testingToolUrl}>Testing tool</a> : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
