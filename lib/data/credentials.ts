import "server-only";
// An app's credentials as the Credentials tab reads them: its OAuth client or Indeed Apply
// token, the client's secrets (metadata only), its Redirect URL Allowlist, its partner
// information and its grant review. The changes live beside it: secrets.ts, redirect-uris.ts,
// partner-info.ts, grant-review.ts; app creation with its credentials is in apps.ts. Another
// partner's app is "not found", exactly like a missing one.
import { can } from "../auth/permissions";
import { secretStatus } from "../credentials/secrets";
import { findVisibleApp } from "./apps";
import { REVIEW_SELECT } from "./grant-review";
import { PARTNER_INFO_SELECT } from "./partner-info";
import { SECRET_METADATA_SELECT } from "./secrets";
import type { SessionUser } from "./users";

/** What the Credentials tab shows: metadata only, never a secret value. Null when not visible. */
export async function getCredentials(user: SessionUser, appId: string, now = new Date()) {
  const app = await findVisibleApp(user, appId, {
    id: true,
    name: true,
    credentialType: true,
    partnerId: true,
    partner: { select: { employerIdType: true } },
    client: {
      select: {
        id: true,
        clientId: true,
        isPublic: true,
        grantTypes: true,
        ...REVIEW_SELECT,
        ...PARTNER_INFO_SELECT,
        createdAt: true,
        secrets: {
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          select: { ...SECRET_METADATA_SELECT, label: true },
        },
        redirectUris: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, uri: true, createdAt: true },
        },
      },
    },
  });
  if (!app) return null;
  const client = app.client;
  return {
    app: { id: app.id, name: app.name, credentialType: app.credentialType },
    /** The partner's employerIdType for the Employer Data API; null until first assigned (decision 021). */
    employerIdType: app.partner.employerIdType,
    canManage: can(user.role, "credentials:manage"),
    client: client
      ? {
          ...client,
          secrets: client.secrets.map((s) => ({ ...s, status: secretStatus(s, now) })),
        }
      : null,
  };
}
