import "server-only";
// The token tool's SEEK credentials (docs/decisions/038-token-tool-seek.md): an app's active
// Playground and Live secrets, each named by its environment, its client id and whether it is
// the current one; the value unsealed on the server only, each use in the app's activity log.
// Another partner's app, or an Indeed app, is "not found"; unsealing needs `credentials:manage`.
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { visibleApps } from "../auth/scope";
import { activeSecretWhere } from "../credentials/secrets";
import { seekSecretSealContext } from "../credentials/seek";
import { openSecret } from "../credentials/secret-row";
import { SEEK_ENVIRONMENT_LABELS, SEEK_ENVIRONMENTS } from "../credentials/seek";
import type { SeekEnvironment } from "../generated/prisma/enums";
import { isUuid } from "../ids";
import type { CredentialSource } from "../token-tool/flow";
import { appNotFound } from "./client-access";
import { TX_OPTIONS } from "./shared";
import { recordSeekActivity } from "./seek-credentials";
import { searchPartnerHirers } from "./seek-hirers";
import type { SessionUser } from "./users";

const TOOL_NAME = "the token tool";

function secretLabel(environment: SeekEnvironment, clientId: string, expiresAt: Date | null): string {
  const which = expiresAt ? `previous secret, until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "current secret";
  return `${SEEK_ENVIRONMENT_LABELS[environment]} · client ${clientId} · ${which}`;
}

function seekApp(user: SessionUser, appId: string) {
  return { AND: [{ id: appId }, { provider: "SEEK" as const }, visibleApps(user)] };
}

export const seekTokenToolCredentials: CredentialSource = {
  async describe(user, appId) {
    if (!isUuid(appId)) return null;
    const app = await db().app.findFirst({
      where: seekApp(user, appId),
      select: {
        seekCredentials: {
          select: {
            environment: true,
            clientId: true,
            secrets: { where: activeSecretWhere(), orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true, expiresAt: true } },
          },
        },
      },
    });
    if (!app) return null;
    const secrets = SEEK_ENVIRONMENTS.flatMap((environment) => {
      const credential = app.seekCredentials.find((c) => c.environment === environment);
      return credential ? credential.secrets.map((s) => ({ id: s.id, label: secretLabel(environment, credential.clientId, s.expiresAt) })) : [];
    });
    // Each secret names its own client id (one per environment): no single one for the app.
    return { clientId: "", secrets };
  },

  async unseal(user, appId, secretId) {
    if (!isUuid(appId) || !isUuid(secretId)) throw appNotFound();
    return db().$transaction(async (tx) => {
      const app = await tx.app.findFirst({ where: seekApp(user, appId), select: { id: true } });
      if (!app) throw appNotFound();
      assertCan(user.role, "credentials:manage");
      const secret = await tx.seekClientSecret.findFirst({
        where: { AND: [{ id: secretId, credential: { appId: app.id } }, activeSecretWhere()] },
        select: { id: true, ciphertext: true, expiresAt: true, credential: { select: { environment: true, clientId: true } } },
      });
      if (!secret) throw new AppError("CONFLICT", "This secret is no longer active: start a new run with an active one.");
      const value = openSecret(secret.ciphertext, seekSecretSealContext(secret.id));
      const label = secretLabel(secret.credential.environment, secret.credential.clientId, secret.expiresAt);
      await recordSeekActivity(tx, app.id, user.id, "secret.used", { label, service: TOOL_NAME });
      return { clientId: secret.credential.clientId, label, value };
    }, TX_OPTIONS);
  },
};

/**
 * The environment and client id of a run's secret, and the partner whose hirers it may ask
 * browser tokens for. The caller found the run through the runner (the user may run it).
 */
export async function seekRunCredential(appId: string, secretId: string | null) {
  if (!secretId || !isUuid(appId) || !isUuid(secretId)) return null;
  const secret = await db().seekClientSecret.findFirst({
    where: { id: secretId, credential: { appId } },
    select: { credential: { select: { environment: true, clientId: true, app: { select: { partnerId: true } } } } },
  });
  if (!secret) return null;
  return { environment: secret.credential.environment, clientId: secret.credential.clientId, partnerId: secret.credential.app.partnerId };
}

/** The hirers the partner has a relationship with in the environment, alphabetical (at most 100). */
export async function seekRunHirers(partnerId: string, environment: SeekEnvironment) {
  const page = await searchPartnerHirers(partnerId, { environment, pageSize: 100 });
  return page.hirers.map((h) => ({ id: h.id, name: h.name, relationshipTypes: h.relationshipTypes }));
}
