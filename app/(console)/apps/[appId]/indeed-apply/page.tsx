import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { getIndeedApplyTestTool, SEND_TIMEOUT_MS } from "@/lib/data/indeed-apply-tests";
import { SAMPLE_LABELS } from "@/lib/indeed-apply/samples";
import { AppHeader } from "../_components/app-header";
import { TestingTool } from "./_components/testing-tool";
import { SignatureVerifier } from "./_components/signature-verifier";
import { SendHistory } from "./_components/send-history";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Indeed Apply testing tool" };

export default async function IndeedApplyTestingToolPage({ params }: PageProps<"/apps/[appId]/indeed-apply">) {
  const { appId } = await params;
  const user = await requireUser();
  const [app, tool] = await Promise.all([findApp(user, appId), getIndeedApplyTestTool(user, appId)]);
  if (!app || !tool) notFound();

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <Card id="tool-heading" title="Indeed Apply testing tool">
        <p className="mt-1 text-sm text-slate-600">
          Sends a sample application to your endpoint the way Indeed does: a JSON <code>POST</code> signed with your API
          token’s secret in <code>X-Indeed-Signature</code>, a {SEND_TIMEOUT_MS / 1000}-second timeout, and no redirects
          followed. Your endpoint should answer 200 when it takes an application, 409 for a duplicate and 410 for an
          expired job. <Link href={`/apps/${app.id}/credentials`}>Back to Credentials</Link>
        </p>
        {tool.privateAddressesAllowed ? (
          <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Private addresses are allowed on this console (local development): it can send to <code>localhost</code> and
            your local network. Cloud metadata and link-local addresses are always refused.
          </p>
        ) : null}
        {!tool.hasToken ? (
          <p className="mt-4 text-sm text-slate-700">This app has no API token yet. Indeed sets it up with the app.</p>
        ) : tool.canSend ? (
          <TestingTool
            appId={app.id}
            initialUrl={tool.endpointUrl}
            samples={tool.samples}
            sampleLabels={SAMPLE_LABELS}
            privateAddressesAllowed={tool.privateAddressesAllowed}
          />
        ) : (
          <p className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            Only owners and developers can send test applications: they sign with the app’s secret. You can see the
            history below.
          </p>
        )}
      </Card>
      {tool.hasToken && tool.canSend ? <SignatureVerifier appId={app.id} /> : null}
      <SendHistory rows={tool.history} />
    </>
  );
}
