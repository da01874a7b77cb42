import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { requireUser } from "@/lib/auth/session";
import { findRun } from "@/lib/data/token-tool";
import { flowById } from "@/lib/token-tool/flows";
import { targetLabel, type TargetKind } from "@/lib/token-tool/targets";
import { RunSteps, type SavedStep } from "../../_components/run-steps";
import { RunStatus } from "../../_components/run-status";

export const metadata: Metadata = { title: "Token tool run" };

export default async function TokenToolRunPage({ params }: PageProps<"/token-tool/runs/[runId]">) {
  const { runId } = await params;
  const user = await requireUser();
  const run = await findRun(user, runId);
  const flow = run && flowById(run.flow);
  if (!run || !flow) notFound();
  const saved: Record<string, SavedStep> = Object.fromEntries(
    run.steps.map((s) => [s.key, { status: s.status === "passed" ? "passed" : "failed", input: s.input, outcome: s.outcome, durationMs: s.durationMs, ranAt: s.ranAt.toISOString() }]),
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href={`/token-tool?app=${run.app.id}`}>Token tool</Link> · {run.app.name}
          </>
        }
        title={flow.title}
        description={flow.description}
        actions={<RunStatus status={run.status} />}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Target</dt>
        <dd>
          {targetLabel(run.target as TargetKind, flow.provider)}
          {run.baseUrl ? ` (${run.baseUrl})` : ""}
        </dd>
        <dt className="font-medium text-slate-700">Secret</dt>
        <dd>{run.secretLabel ? `“${run.secretLabel}” (its value is never shown)` : "None"}</dd>
        <dt className="font-medium text-slate-700">Started by</dt>
        <dd>
          {run.actor?.name ?? "A former member"}, <DateTime value={run.createdAt} />
        </dd>
      </dl>
      {!run.canRun ? <p className="mb-4 text-sm text-slate-700">You can read this run, but not run its steps: viewers cannot use the app’s secret.</p> : null}
      <RunSteps
        runId={run.id}
        canRun={run.canRun}
        steps={flow.steps.map((s) => ({ key: s.key, title: s.title, description: s.description, fields: s.fields, after: s.after ?? [] }))}
        saved={saved}
        autoRefresh={flow.autoRefresh}
      />
    </>
  );
}
