import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { getCredentials } from "@/lib/data/credentials";
import { GRANT_TYPE_LABELS } from "@/lib/credentials/schemas";
import { INDEED_SCOPES } from "@/lib/providers/indeed/scopes";
import { ensureEmployerIdType } from "@/lib/data/employer-id-type";
import { secretMetadata } from "@/lib/views/secrets";
import { ConsentScreen } from "@/components/consent-screen";
import { CopyButton } from "@/components/copy-button";
import { AppHeader } from "../_components/app-header";
import { SecretsSection, type SecretRow } from "./_components/secrets-section";
import { RedirectUris } from "./_components/redirect-uris";
import { ReviewPanel } from "./_components/review-panel";
import { PartnerInfoForm } from "./_components/partner-info-form";
import { IndeedApplySecret } from "./_components/indeed-apply-token";
import { SeekCredentialsTab } from "./_components/seek/seek-credentials-tab";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Credentials" };

type Credentials = NonNullable<Awaited<ReturnType<typeof getCredentials>>>;

/** Metadata only: secret values are fetched one at a time by the reveal action, never rendered here. */
function secretRows(client: NonNullable<Credentials["client"]>): SecretRow[] {
  return client.secrets.map((s) => ({ ...secretMetadata(s), label: s.label }));
}

export default async function CredentialsPage({ params }: PageProps<"/apps/[appId]/credentials">) {
  const { appId } = await params;
  const user = await requireUser();
  const [app, credentials] = await Promise.all([findApp(user, appId), getCredentials(user, appId)]);
  if (!app || !credentials) notFound();
  if (app.provider === "SEEK") {
    return (
      <>
        <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
        <SeekCredentialsTab user={user} appId={app.id} />
      </>
    );
  }
  const { client, canManage } = credentials;

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      {!client ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
          This app has no credentials yet. Indeed sets them up during onboarding: contact your Indeed representative.
        </p>
      ) : app.credentialType === "INDEED_APPLY" ? (
        <Card id="apply-heading" title="Indeed Apply API token">
          <p className="mt-1 text-sm text-slate-600">
            Your Indeed Apply integration identifies itself with this token and signs with its secret. See{" "}
            <a href="https://docs.indeed.com/indeed-apply/" target="_blank" rel="noreferrer">
              Indeed Apply<span className="sr-only"> (opens in a new tab)</span>
            </a>
            .
          </p>
          <ClientIdRow label="API token (client ID)" value={client.clientId} />
          <h3 className="mt-5 text-base font-semibold">Secret</h3>
          <div className="mt-2">
            <IndeedApplySecret
              appId={app.id}
              secret={secretRows(client).find((s) => s.status === "ACTIVE") ?? null}
              canManage={canManage}
            />
          </div>
          <h3 className="mt-5 text-base font-semibold">Testing tool</h3>
          <p className="mt-1 text-sm text-slate-600">
            Send signed sample applications to your endpoint and check its answers and signatures.{" "}
            <Link href={`/apps/${app.id}/indeed-apply`}>Open the Indeed Apply testing tool</Link>
          </p>
        </Card>
      ) : (
        <OAuthClient
          app={app}
          client={client}
          canManage={canManage}
          employerIdType={credentials.employerIdType ?? (await ensureEmployerIdType(app.partner.id))}
        />
      )}
    </>
  );
}

function ClientIdRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="mt-4">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 basis-72 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">{value}</code>
        <CopyButton value={value} label={label} />
      </div>
    </div>
  );
}

function OAuthClient({
  app,
  client,
  canManage,
  employerIdType,
}: {
  app: NonNullable<Awaited<ReturnType<typeof findApp>>>;
  client: NonNullable<Credentials["client"]>;
  canManage: boolean;
  employerIdType: string;
}) {
  const authorizationCode = client.grantTypes.includes("AUTHORIZATION_CODE");
  const partnerInfo = {
    companyName: client.companyName ?? "",
    homepageUrl: client.homepageUrl ?? "",
    supportEmail: client.supportEmail ?? "",
    privacyPolicyUrl: client.privacyPolicyUrl ?? "",
  };
  return (
    <Card id="oauth-heading" title="OAuth client">
      <p className="mt-1 text-sm text-slate-600">
        Use the client ID and a secret to get access tokens. See{" "}
        <a href="https://docs.indeed.com/oauth/" target="_blank" rel="noreferrer">
          Integrate with Indeed and call APIs<span className="sr-only"> (opens in a new tab)</span>
        </a>
        .
      </p>
      <ClientIdRow label="Client ID" value={client.clientId} />
      <p className="mt-3 text-sm">
        <Link href={`/token-tool?app=${app.id}`}>Test with the token tool</Link>
        <span className="text-slate-600"> — run the OAuth flows step by step and see every request.</span>
      </p>
      <dl className="mt-4 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-800">Client type</dt>
          <dd className="text-slate-700">
            {client.isPublic ? "Public client (no secret; uses PKCE)" : "Confidential client (authenticates with a secret)"}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">Grant types</dt>
          <dd className="text-slate-700">
            <ul>
              {client.grantTypes.map((g) => (
                <li key={g}>{GRANT_TYPE_LABELS[g]}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">employerIdType</dt>
          <dd className="text-slate-700">
            <code>{employerIdType}</code>
            <span className="block text-xs text-slate-600">
              The <code>type</code> of every employer id your apps send to the Employer Data API.
            </span>
          </dd>
        </div>
      </dl>

      {client.isPublic ? (
        <p className="mt-6 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          A public client has no secret: it runs where a secret could not be kept (a browser or mobile app) and proves each
          authorization with PKCE (S256) instead.
        </p>
      ) : (
        <SecretsSection appId={app.id} secrets={secretRows(client)} canManage={canManage} />
      )}

      {authorizationCode && client.reviewStatus ? (
        <section aria-labelledby="authcode-heading" className="mt-8 border-t border-slate-200 pt-6">
          <h3 id="authcode-heading" className="text-base font-semibold">
            Authorization code grant (3-legged OAuth)
            {client.reviewStatus === "IN_REVIEW" ? (
              <>
                {" "}
                <span className="font-normal text-violet-800">(Review in progress)</span>
              </>
            ) : null}
          </h3>
          <ReviewPanel
            appId={app.id}
            partnerName={app.partner.name}
            status={client.reviewStatus}
            reason={client.reviewReason}
            version={client.reviewVersion}
            changedAt={client.reviewChangedAt?.toISOString() ?? null}
            canManage={canManage}
          />
          <RedirectUris appId={app.id} uris={client.redirectUris} canManage={canManage} />
        </section>
      ) : null}

      <details className="group mt-8 border-t border-slate-200 pt-6">
        <summary className="cursor-pointer text-base font-semibold text-slate-900">Additional information</summary>
        <div className="mt-4 grid gap-8 lg:grid-cols-2">
          {authorizationCode ? (
            <div>
              <h4 className="font-medium text-slate-900">Consent screen preview</h4>
              <p className="mb-3 text-sm text-slate-600">What Indeed users see when your app asks for every scope.</p>
              <div role="group" aria-label="Consent screen preview" className="rounded-lg bg-slate-100 p-4">
                <ConsentScreen
                  appName={app.name}
                  partner={{
                    companyName: client.companyName,
                    homepageUrl: client.homepageUrl,
                    supportEmail: client.supportEmail,
                    privacyPolicyUrl: client.privacyPolicyUrl,
                  }}
                  requested={[...INDEED_SCOPES]}
                  preview
                />
              </div>
            </div>
          ) : null}
          <PartnerInfoForm appId={app.id} initial={partnerInfo} canManage={canManage} />
        </div>
      </details>
    </Card>
  );
}
