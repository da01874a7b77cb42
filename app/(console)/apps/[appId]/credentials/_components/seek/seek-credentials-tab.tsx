// A SEEK app's Credentials tab: Playground and Live credentials, the live request while the
// partner is not approved, and Integration health. Server-rendered; metadata only.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { getLiveRequestState, getSeekCredentials } from "@/lib/data/seek-credentials";
import { getSeekIntegrationHealth } from "@/lib/data/seek-health";
import { secretMetadata } from "@/lib/views/secrets";
import { EnvironmentSection, type SeekCredentialRow } from "./environment-section";
import { IntegrationHealth } from "./integration-health";
import { LiveRequestPanel } from "./live-request-panel";

type Credentials = NonNullable<Awaited<ReturnType<typeof getSeekCredentials>>>;

function credentialRow(credential: Credentials["environments"][number]["credential"]): SeekCredentialRow | null {
  if (!credential) return null;
  return {
    clientId: credential.clientId,
    createdAt: credential.createdAt.toISOString(),
    createdBy: credential.createdBy?.name ?? null,
    tokensNotBefore: credential.tokensNotBefore?.toISOString() ?? null,
    tokensExpiredBy: credential.tokensExpiredBy?.name ?? null,
    secrets: credential.secrets.map(secretMetadata),
  };
}

export async function SeekCredentialsTab({ user, appId }: { user: SessionUser; appId: string }) {
  const [credentials, liveState, health] = await Promise.all([
    getSeekCredentials(user, appId),
    getLiveRequestState(user, appId),
    getSeekIntegrationHealth(user, appId),
  ]);
  if (!credentials || !liveState || !health) notFound();
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href={`/token-tool?app=${appId}`}>Test with the token tool</Link>
        <span className="text-slate-600"> — get partner and browser tokens and query GraphQL step by step, and see every request.</span>
      </p>
      {credentials.environments.map(({ environment, credential }) => {
        const mayIssue = environment === "PLAYGROUND" || credentials.liveApproved;
        return (
          <EnvironmentSection
            key={environment}
            appId={appId}
            environment={environment}
            credential={credentialRow(credential)}
            canIssue={credentials.canIssue}
            canManage={credentials.canManage}
            mayIssue={mayIssue}
          >
            {environment === "LIVE" && !credentials.liveApproved ? (
              <LiveRequestPanel appId={appId} canRequest={credentials.canIssue} initial={liveState} />
            ) : null}
          </EnvironmentSection>
        );
      })}
      <IntegrationHealth health={health} />
    </div>
  );
}
