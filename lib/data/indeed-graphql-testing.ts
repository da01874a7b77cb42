import "server-only";
// The testing tool of Indeed's three GraphQL APIs, as the console reads and uses it: what the
// page shows (the service's status and whether the API would answer, the secret and employer a
// request would use, what the app has sent), and sending an operation with a token minted on the
// server. Authorization sits in every query: another partner's app is "not found".
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import { activeSecretWhere, secretSealContext } from "../credentials/secrets";
import { openSecret } from "../credentials/secret-row";
import type { Prisma } from "../generated/prisma/client";
import { isUuid } from "../ids";
import { ensureEmployerIdType } from "./employer-id-type";
import { apiAccess, INDEED_APIS, isIndeedApi, type Access, type IndeedApi, type Statuses } from "../provisioning/indeed-apis";
import { compareNames } from "../sort";
import type { ProvisioningStatus } from "../status";
import { visibleApps } from "../auth/scope";
import type { SessionUser } from "./users";

/** How many of each kind of record the page lists. */
export const LISTED = 50;

const requestSelect = { id: true, operationName: true, query: true, variables: true, createdAt: true } as const;

function appWhere(user: SessionUser, appId: string): Prisma.AppWhereInput {
  return { AND: [{ id: appId }, visibleApps(user), { provider: "INDEED", credentialType: "OAUTH2" }] };
}

export interface TestingSetup {
  app: { id: string; name: string; partnerId: string };
  api: IndeedApi;
  status: ProvisioningStatus;
  access: Access;
  statuses: Statuses;
  employerIdType: string;
  clientId: string | null;
  /** Why no token can be minted, if none can. */
  tokenProblem: string | null;
  /**
   * The secret a request would use: the oldest active one, so a secret just added (perhaps not
   * yet deployed anywhere) is not the one the tool marks as used.
   */
  secret: { id: string; label: string } | null;
  employers: { id: string; name: string }[];
  canSend: boolean;
}

/** The page's setup, or null (404) when the app is not visible or does not have the service. */
export async function graphqlTestingSetup(user: SessionUser, appId: string, slug: string, now = new Date()): Promise<TestingSetup | null> {
  if (!isUuid(appId) || !isIndeedApi(slug)) return null;
  const app = await db().app.findFirst({
    where: appWhere(user, appId),
    select: {
      id: true,
      name: true,
      partnerId: true,
      services: { select: { status: true, service: { select: { slug: true } } } },
      partner: { select: { registrant: { select: { employers: { select: { id: true, name: true } } } } } },
      client: {
        select: {
          clientId: true,
          isPublic: true,
          grantTypes: true,
          secrets: { where: activeSecretWhere(now), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { id: true, label: true } },
        },
      },
    },
  });
  if (!app) return null;
  const statuses: Statuses = Object.fromEntries(app.services.map((s) => [s.service.slug, s.status]));
  const status = statuses[slug];
  if (!status) return null;
  const client = app.client;
  const secret = client?.secrets[0] ?? null;
  const tokenProblem = !client
    ? "This app has no OAuth client."
    : client.isPublic || !client.grantTypes.includes("CLIENT_CREDENTIALS")
      ? "This app’s OAuth client does not use the client credentials grant, which these APIs need (a 2-legged token)."
      : !secret
        ? "This app has no active client secret. Add one on the Credentials tab."
        : null;
  return {
    app: { id: app.id, name: app.name, partnerId: app.partnerId },
    api: slug,
    status,
    access: apiAccess(slug, statuses),
    statuses,
    employerIdType: await ensureEmployerIdType(app.partnerId),
    clientId: client?.clientId ?? null,
    tokenProblem,
    secret,
    employers: [...(app.partner.registrant?.employers ?? [])].sort((a, b) => compareNames(a.name, b.name)),
    canSend: can(user.role, "credentials:manage"),
  };
}

/** What the app has sent to the simulated APIs, newest first, each with the request that made it. */
export async function graphqlTestingRecords(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const where = { client: { app: appWhere(user, appId) } };
  /** The newest LISTED of the app's records by `column`. */
  const newest = <C extends "updatedAt" | "createdAt">(column: C) => ({
    where,
    orderBy: [{ [column]: "desc" } as Record<C, "desc">, { id: "desc" as const }],
    take: LISTED,
  });
  const [jobs, employers, dispositions] = await Promise.all([
    db().indeedJobPosting.findMany({
      ...newest("updatedAt"),
      select: { id: true, jobPostingId: true, sourceName: true, title: true, status: true, expiredAt: true, updatedAt: true, request: { select: requestSelect } },
    }),
    db().indeedEmployer.findMany({
      ...newest("updatedAt"),
      select: { id: true, type: true, externalId: true, name: true, updatedAt: true, request: { select: requestSelect } },
    }),
    db().indeedDisposition.findMany({
      ...newest("createdAt"),
      select: {
        id: true,
        identifiedBy: true,
        dispositionStatus: true,
        statusChangeDateTime: true,
        rationale: true,
        createdAt: true,
        request: { select: requestSelect },
      },
    }),
  ]);
  return { jobs, employers, dispositions };
}

/**
 * The value of the secret a test request uses, for a user who may manage credentials; the use is
 * written to the app's activity log. The value never leaves the server.
 */
export async function secretForTestRequest(user: SessionUser, appId: string, api: IndeedApi, now = new Date()) {
  assertCan(user.role, "credentials:manage");
  if (!isUuid(appId)) throw new AppError("NOT_FOUND", "This app does not exist.");
  return db().$transaction(async (tx) => {
    const app = await tx.app.findFirst({
      where: appWhere(user, appId),
      select: {
        id: true,
        client: {
          select: {
            clientId: true,
            secrets: {
              where: activeSecretWhere(now),
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              take: 1,
              select: { id: true, label: true, ciphertext: true },
            },
          },
        },
      },
    });
    if (!app) throw new AppError("NOT_FOUND", "This app does not exist.");
    const secret = app.client?.secrets[0];
    if (!app.client || !secret) throw new AppError("CONFLICT", "This app has no active client secret. Add one on the Credentials tab.");
    const value = openSecret(secret.ciphertext, secretSealContext(secret.id));
    await tx.activityEvent.create({
      data: { appId: app.id, actorId: user.id, type: "secret.used", detail: { label: secret.label, service: INDEED_APIS[api].name } },
    });
    return { clientId: app.client.clientId, secret: { id: secret.id, label: secret.label, value } };
  });
}
