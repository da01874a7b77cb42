import "server-only";
// The token tool's storage (docs/decisions/030-token-tool.md): runs, their steps' masked
// outcomes, and the vault of values later steps need, sealed and expiring with the token.
// Authorization sits in every query: a run is found through its app and the tenant filter, so
// another partner's run or app is "not found"; running anything needs `credentials:manage`
// (owners, developers, admins), checked after the app is found.
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import { visibleApps } from "../auth/scope";
import { activeSecretWhere, secretSealContext } from "../credentials/secrets";
import { openSecret } from "../credentials/secret-row";
import { open, seal } from "../crypto/secret-box";
import type { Prisma } from "../generated/prisma/client";
import { isUuid } from "../ids";
import { compareNames } from "../sort";
import type { CredentialSource, StepOutcome } from "../token-tool/flow";
import { appNotFound, recordActivity } from "./client-access";
import { TX_OPTIONS } from "./shared";
import type { SessionUser } from "./users";

const TOOL_NAME = "the token tool";
export const RUNS_LISTED = 20;

function visibleApp(user: SessionUser, appId: string): Prisma.AppWhereInput {
  return { AND: [{ id: appId }, visibleApps(user)] };
}

function runNotFound(): AppError {
  return new AppError("NOT_FOUND", "This run does not exist, or you do not have access to it.");
}

/** The apps the tool can be used with, by name. */
export async function tokenToolApps(user: SessionUser) {
  const apps = await db().app.findMany({
    where: { AND: [visibleApps(user), { OR: [{ provider: "INDEED", credentialType: "OAUTH2", client: { isNot: null } }, { provider: "SEEK" }] }] },
    select: { id: true, name: true, provider: true, credentialType: true, partner: { select: { name: true } } },
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    take: 500,
  });
  return apps.sort((a, b) => compareNames(a.name, b.name));
}

/** Indeed OAuth clients: the app's client id and its active secrets, oldest first. */
export const indeedClientCredentials: CredentialSource = {
  async describe(user, appId) {
    if (!isUuid(appId)) return null;
    const app = await db().app.findFirst({
      where: { AND: [visibleApp(user, appId), { provider: "INDEED", credentialType: "OAUTH2" }] },
      select: {
        client: {
          select: {
            clientId: true,
            secrets: { where: activeSecretWhere(), orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, label: true } },
          },
        },
      },
    });
    if (!app?.client) return null;
    return { clientId: app.client.clientId, secrets: app.client.secrets };
  },

  async unseal(user, appId, secretId) {
    if (!isUuid(appId) || !isUuid(secretId)) throw appNotFound();
    return db().$transaction(async (tx) => {
      const app = await tx.app.findFirst({ where: visibleApp(user, appId), select: { id: true, client: { select: { id: true, clientId: true } } } });
      if (!app) throw appNotFound();
      assertCan(user.role, "credentials:manage");
      if (!app.client) throw new AppError("NOT_FOUND", "This app has no OAuth client.");
      const secret = await tx.clientSecret.findFirst({
        where: { AND: [{ id: secretId, clientId: app.client.id }, activeSecretWhere()] },
        select: { id: true, label: true, ciphertext: true },
      });
      if (!secret) throw new AppError("CONFLICT", "This secret is no longer active: start a new run with an active one.");
      const value = openSecret(secret.ciphertext, secretSealContext(secret.id));
      await recordActivity(tx, app.id, user.id, "secret.used", { label: secret.label, service: TOOL_NAME });
      return { clientId: app.client.clientId, label: secret.label, value };
    }, TX_OPTIONS);
  },
};

export interface NewRun {
  appId: string;
  flow: string;
  target: string;
  baseUrl: string | null;
  secretId: string | null;
  secretLabel: string | null;
}

/** Starts a run for a user who may run flows on the app. */
export async function createRun(user: SessionUser, run: NewRun) {
  if (!isUuid(run.appId)) throw appNotFound();
  const app = await db().app.findFirst({ where: visibleApp(user, run.appId), select: { id: true } });
  if (!app) throw appNotFound();
  assertCan(user.role, "credentials:manage");
  return db().tokenToolRun.create({ data: { ...run, actorId: user.id }, select: { id: true } });
}

const runSelect = {
  id: true,
  flow: true,
  target: true,
  baseUrl: true,
  secretId: true,
  secretLabel: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  actor: { select: { name: true } },
  app: { select: { id: true, name: true, provider: true, partner: { select: { name: true } } } },
  steps: { select: { key: true, status: true, input: true, outcome: true, durationMs: true, ranAt: true } },
} as const;

/** A run as its page shows it, or null (404) when it is not visible to the user. */
export async function findRun(user: SessionUser, runId: string) {
  if (!isUuid(runId)) return null;
  const run = await db().tokenToolRun.findFirst({ where: { id: runId, app: visibleApps(user) }, select: runSelect });
  if (!run) return null;
  return {
    ...run,
    steps: run.steps.map((s) => ({ ...s, input: s.input as Record<string, string>, outcome: s.outcome as unknown as StepOutcome })),
    canRun: can(user.role, "credentials:manage"),
  };
}

export type SavedRun = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** The run, for a user about to run one of its steps: 404 first, then FORBIDDEN for a viewer. */
export async function runForStep(user: SessionUser, runId: string) {
  const run = await findRun(user, runId);
  if (!run) throw runNotFound();
  assertCan(user.role, "credentials:manage");
  return run;
}

/** Saves a step's latest attempt (masked) and the run's status. */
export async function saveStep(user: SessionUser, runId: string, step: { key: string; input: Record<string, string>; outcome: StepOutcome; durationMs: number }) {
  await runForStep(user, runId);
  const status = step.outcome.ok ? "passed" : "failed";
  const outcome = step.outcome as unknown as Prisma.InputJsonObject;
  await db().$transaction([
    db().tokenToolStep.upsert({
      where: { runId_key: { runId, key: step.key } },
      create: { runId, key: step.key, status, input: step.input, outcome, durationMs: step.durationMs },
      update: { status, input: step.input, outcome, durationMs: step.durationMs, ranAt: new Date() },
    }),
    db().tokenToolRun.update({ where: { id: runId }, data: { status } }),
  ]);
}

/** The run's runs list: newest first, for the app. Null when the app is not visible. */
export async function listRuns(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({ where: visibleApp(user, appId), select: { id: true } });
  if (!app) return null;
  return db().tokenToolRun.findMany({
    where: { appId: app.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RUNS_LISTED,
    select: { id: true, flow: true, target: true, status: true, createdAt: true, secretLabel: true, actor: { select: { name: true } } },
  });
}

function vaultContext(runId: string, name: string): string {
  return `token-tool-vault:${runId}:${name}`;
}

/**
 * The run's vault. Callers have found the run through `runForStep` (the user may run it);
 * entries past their expiry read as missing and are deleted.
 */
export const vault = {
  async get(runId: string, name: string, now = new Date()): Promise<string | null> {
    const row = await db().tokenToolVault.findUnique({ where: { runId_name: { runId, name } }, select: { ciphertext: true, expiresAt: true } });
    if (!row) return null;
    if (row.expiresAt <= now) {
      await db().tokenToolVault.deleteMany({ where: { runId, name } });
      return null;
    }
    return open(row.ciphertext, vaultContext(runId, name));
  },

  async put(runId: string, name: string, value: string, expiresAt: Date): Promise<void> {
    const ciphertext = new Uint8Array(seal(value, vaultContext(runId, name)));
    await db().tokenToolVault.upsert({
      where: { runId_name: { runId, name } },
      create: { runId, name, ciphertext, expiresAt },
      update: { ciphertext, expiresAt },
    });
  },

  /** Which entries are still held (names only), to offer "show in full". */
  async names(runId: string, now = new Date()): Promise<string[]> {
    const rows = await db().tokenToolVault.findMany({ where: { runId, expiresAt: { gt: now } }, select: { name: true } });
    return rows.map((r) => r.name);
  },
};

/** Sets the state the callback will find the run by (unique across runs). */
export async function setRunState(user: SessionUser, runId: string, state: string) {
  await runForStep(user, runId);
  await db().tokenToolRun.update({ where: { id: runId }, data: { state } });
}

/** The run a callback's `state` belongs to, if the user may see it. */
export async function findRunByState(user: SessionUser, state: string) {
  if (state.length === 0 || state.length > 200) return null;
  const run = await db().tokenToolRun.findFirst({ where: { state, app: visibleApps(user) }, select: { id: true } });
  return run?.id ?? null;
}

/** Whether the run's app allows this redirect URI (exact match, as the authorization endpoint compares). */
export async function isRedirectAllowed(appId: string, uri: string): Promise<boolean> {
  const found = await db().redirectUri.findFirst({ where: { uri, client: { appId } }, select: { id: true } });
  return found !== null;
}
