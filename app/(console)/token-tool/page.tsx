import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listRuns, tokenToolApps } from "@/lib/data/token-tool";
import { flowById, flowsFor } from "@/lib/token-tool/flows";
import { CALLBACK_PROBLEMS, isCallbackProblem } from "@/lib/token-tool/callback";
import { PROVIDER_NAMES, targetLabel, TARGET_KINDS, type ProviderId } from "@/lib/token-tool/targets";
import { StartRunForm } from "./_components/start-run-form";
import { RunStatus } from "./_components/run-status";

export const metadata: Metadata = { title: "Token tool" };

export default async function TokenToolPage({ searchParams }: PageProps<"/token-tool">) {
  const user = await requireUser();
  const { app: wanted, callback } = await searchParams;
  const apps = await tokenToolApps(user);
  const app = apps.find((a) => a.id === wanted) ?? apps[0] ?? null;
  const flows = app ? flowsFor(app.provider) : [];
  const provider: ProviderId = app?.provider === "SEEK" ? "seek" : "indeed";
  const [credentials, runs] = app && flows[0] ? await Promise.all([flows[0].credentials.describe(user, app.id), listRuns(user, app.id)]) : [null, null];
  const canRun = can(user.role, "credentials:manage");

  return (
    <>
      <PageHeader
        title="Token tool"
        description="Run the providers’ OAuth flows step by step, against this console’s emulators or the real providers, and see every request and response. Secrets stay on the server."
      />
      {isCallbackProblem(callback) ? (
        <p role="alert" className="mb-6 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {CALLBACK_PROBLEMS[callback]}
        </p>
      ) : null}
      {!app ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">No app has credentials yet.</p>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="start-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="start-heading" className="text-lg font-semibold">
              Start a run
            </h2>
            {!canRun ? <p className="mt-1 text-sm text-slate-700">Viewers can open saved runs, but cannot run flows: they need the app’s secret.</p> : null}
            <StartRunForm
              key={app.id}
              apps={apps.map((a) => ({ id: a.id, name: a.name, provider: PROVIDER_NAMES[a.provider === "SEEK" ? "seek" : "indeed"], partner: can(user.role, "apps:view-all") ? a.partner.name : null }))}
              appId={app.id}
              flows={flows.map((f) => ({ id: f.id, title: f.title, description: f.description }))}
              targets={TARGET_KINDS.map((kind) => ({ kind, label: targetLabel(kind, provider) }))}
              secrets={credentials?.secrets ?? []}
              clientId={credentials?.clientId ?? null}
              canRun={canRun}
            />
          </section>
          <section aria-labelledby="runs-heading">
            <h2 id="runs-heading" className="text-lg font-semibold">
              Saved runs of {app.name}
            </h2>
            {!runs || runs.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No runs yet.</p>
            ) : (
              <table className="mt-2 w-full text-left text-sm" aria-labelledby="runs-heading">
                <thead className="text-slate-600">
                  <tr>
                    <th className="py-2 pr-4 font-medium">Run</th>
                    <th className="py-2 pr-4 font-medium">Target</th>
                    <th className="py-2 pr-4 font-medium">By</th>
                    <th className="py-2 pr-4 font-medium">Started</th>
                    <th className="py-2 font-medium">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => (
                    <tr key={run.id} className="border-t border-slate-200">
                      <td className="py-2 pr-4">
                        <Link href={`/token-tool/runs/${run.id}`}>{flowById(run.flow)?.title ?? run.flow}</Link>
                      </td>
                      <td className="py-2 pr-4">{targetLabel(run.target as (typeof TARGET_KINDS)[number], provider)}</td>
                      <td className="py-2 pr-4">{run.actor?.name ?? "A former member"}</td>
                      <td className="py-2 pr-4">
                        <DateTime value={run.createdAt} />
                      </td>
                      <td className="py-2">
                        <RunStatus status={run.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </>
  );
}
