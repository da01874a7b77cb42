import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { graphqlTestingRecords, graphqlTestingSetup } from "@/lib/data/indeed-graphql-testing";
import { exampleOperations } from "@/lib/indeed-graphql-testing/examples";
import { INDEED_APIS } from "@/lib/provisioning/indeed-apis";
import { INDEED_GRAPHQL_SDL } from "@/lib/providers/indeed/graphql/sdl";
import { AppHeader } from "../../../_components/app-header";
import { RecordsList } from "./_components/records-list";
import { TestingTool } from "./_components/testing-tool";

export const metadata: Metadata = { title: "Testing tool" };

export default async function TestingToolPage({ params }: PageProps<"/apps/[appId]/services/[service]/testing-tool">) {
  const { appId, service } = await params;
  const user = await requireUser();
  const [app, setup, records] = await Promise.all([
    findApp(user, appId),
    graphqlTestingSetup(user, appId, service),
    graphqlTestingRecords(user, appId),
  ]);
  if (!app || !setup || !records) notFound();
  const name = INDEED_APIS[setup.api].name;

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <section aria-labelledby="testing-tool-title" className="mt-6 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="testing-tool-title" className="text-lg font-semibold">
            {name} testing tool
          </h2>
          <StatusBadge status={setup.status} />
        </div>
        <p className="text-sm text-slate-700">
          Send operations to Indeed’s {name}, simulated by this console: it checks input as Indeed does, keeps what you send, and
          answers only while the app is provisioned for it. <Link href={`/apps/${appId}/services`}>Back to APIs and services</Link>
        </p>
        {setup.access.open ? null : (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p className="font-medium">The API refuses this app’s requests with FORBIDDEN “Client is not authorized.”</p>
            <p className="mt-1">{setup.access.reason}</p>
          </div>
        )}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">OAuth client id</dt>
          <dd>
            <code>{setup.clientId ?? "none"}</code>
          </dd>
          <dt className="font-medium">Secret used for tokens</dt>
          <dd>{setup.secret ? `“${setup.secret.label}” (the oldest active secret; its value stays on the server)` : "none"}</dd>
          <dt className="font-medium">employerIdType</dt>
          <dd>
            <code>{setup.employerIdType}</code>
          </dd>
        </dl>
        <TestingTool
          appId={appId}
          service={setup.api}
          sdl={INDEED_GRAPHQL_SDL}
          examples={exampleOperations(setup.api, setup.employerIdType)}
          employers={setup.employers}
          canSend={setup.canSend}
          blocked={setup.tokenProblem}
        />
      </section>
      <RecordsList records={records} />
    </>
  );
}
