import "server-only";
// Apps and their services, as the console pages read them. Authorization sits inside every
// query: a member's reads are filtered by their partner, so another partner's app is
// indistinguishable from a missing one (both are null → 404). Admins create apps here, with
// their credentials.
import type { Prisma } from "../generated/prisma/client";
import { AppError, FIELDS_NEED_ATTENTION } from "../errors";
import { assertCan } from "../auth/permissions";
import { sortKey } from "../sort";
import { newClientId } from "../crypto/random";
import type { NewApp } from "../credentials/schemas";
import { newSecretRow } from "../credentials/secret-row";
import { recordActivity } from "./client-access";
import { isUniqueViolation, TX_OPTIONS } from "./shared";
import { db } from "../db";
import { visibleApps } from "../auth/scope";
import type { SessionUser } from "./users";
import { isUuid } from "../ids";
import { readServicesTab } from "./services-tab";
import { DASHBOARD_PAGE_SIZE } from "../paging";

export { DASHBOARD_PAGE_SIZE };

// The dashboard's page of apps is one prepared statement (docs/decisions/035).
export { listDashboardApps, type DashboardQuery } from "./dashboard";

/**
 * The app with this id if `user` may see it, with the fields `select` names. Null for a malformed
 * id, a missing app and another partner's app alike: the tenant filter is in the query.
 */
export async function findVisibleApp<const S extends Prisma.AppSelect>(user: SessionUser, appId: string, select: S) {
  if (!isUuid(appId)) return null;
  return (await db().app.findFirst({ where: { AND: [{ id: appId }, visibleApps(user)] }, select })) as Prisma.AppGetPayload<{
    select: S;
  }> | null;
}

/** One app the user may see, or null (missing, malformed id, or another partner's). */
export async function findApp(user: SessionUser, appId: string) {
  return findVisibleApp(user, appId, {
    id: true,
    name: true,
    description: true,
    provider: true,
    credentialType: true,
    createdAt: true,
    updatedAt: true,
    partner: { select: { id: true, name: true } },
    /** SEEK apps show the services tab only when they have services. */
    _count: { select: { services: true } },
  });
}

/** The app's services, most recent provisioning change first. Null when the app is not visible. */
export async function listAppServices(user: SessionUser, appId: string) {
  return (await readServicesTab(user, appId))?.services ?? null;
}

// ─── Creating apps (admins) ─────────────────────────────────────────────────────────────────

/** The partners an admin can create apps for. */
export async function listPartnersForNewApp(user: SessionUser) {
  assertCan(user.role, "apps:create");
  return db().partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/**
 * Indeed configures each app during onboarding: an admin creates it for a partner together
 * with its credentials. A confidential OAuth client and an Indeed Apply token start with one
 * secret; the authorization code grant starts its review. A SEEK app starts without
 * credentials: its owners issue them.
 */
export async function createAppWithCredentials(user: SessionUser, data: NewApp) {
  assertCan(user.role, "apps:create");
  try {
    return await db().$transaction(async (tx) => {
      const partner = await tx.partner.findUnique({ where: { id: data.partnerId }, select: { id: true } });
      if (!partner) throw new AppError("VALIDATION", FIELDS_NEED_ATTENTION, { partnerId: ["Choose a partner."] });
      const now = new Date();
      const app = await tx.app.create({
        data: {
          partnerId: partner.id,
          name: data.name,
          sortName: sortKey(data.name),
          description: data.description,
          provider: data.provider,
          credentialType: data.credentialType,
          createdAt: now,
        },
        select: { id: true, name: true },
      });
      // A SEEK app has no Indeed OAuth client: its owners issue SEEK credentials per
      // environment on its Credentials tab (lib/data/seek-credentials.ts).
      if (data.provider === "SEEK") return app;
      const review = data.grantTypes.includes("AUTHORIZATION_CODE");
      const client = await tx.client.create({
        data: {
          appId: app.id,
          clientId: newClientId(),
          isPublic: data.isPublic,
          grantTypes: data.grantTypes,
          reviewStatus: review ? "IN_REVIEW" : null,
          reviewChangedAt: review ? now : null,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordActivity(tx, app.id, user.id, "client.created", {}, now);
      if (!data.isPublic) {
        const label = data.credentialType === "INDEED_APPLY" ? "API secret" : "Initial secret";
        const { data: secret } = newSecretRow({ clientId: client.id, label, createdById: user.id, createdAt: now });
        await tx.clientSecret.create({ data: secret, select: { id: true } });
        await recordActivity(tx, app.id, user.id, "secret.added", { label }, now);
      }
      if (review) await recordActivity(tx, app.id, user.id, "review.requested", {}, now);
      return app;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION", FIELDS_NEED_ATTENTION, { name: ["This partner already has an app with this name."] });
    }
    throw error;
  }
}
