import "server-only";
// The lifecycle of an authorize request in the Indeed emulator: the validated request is stored
// as an AuthorizationRequest row (only the hash of its handle), then moves, for one signed-in
// sandbox account, through consent and the employer picker to exactly one outcome: a code, or
// an error redirect. Client, redirect URI and scopes are always read from the row, never from a
// form. Completion is one conditional UPDATE inside the transaction that issues the code, so a
// request can complete once, however many times its forms are posted.
import { db } from "../../db";
import { newOpaqueToken, tokenHash } from "../../crypto/random";
import { AccessDenied, type OAuthError } from "../../oauth/errors";
import {
  authorizationResponseUrl,
  CODE_LIFETIME_SECONDS,
  consentIsImplied,
  errorResponseUrl,
  grantedScopes,
  isRequestHandle,
  planConsent,
  REQUEST_LIFETIME_SECONDS,
  requestStage,
  wantsEmployerPicker,
  type AuthorizeClient,
  type AuthorizeLookup,
  type ValidAuthorizeRequest,
} from "./authorize";
import { isIndeedScope, sortScopes, type IndeedScope } from "./scopes";
import { mayAuthorize } from "../../credentials/review";
import { isUuid } from "../../ids";
import type { SandboxSessionAccount } from "./sessions";

/** The partner information of the consent screen (components/consent-screen.tsx). */
export interface ConsentPartnerInfo {
  companyName: string | null;
  homepageUrl: string | null;
  supportEmail: string | null;
  privacyPolicyUrl: string | null;
}

/** The authorization endpoint's view of clients: OAuth 2.0 clients of Indeed apps only. */
export const authorizeLookup: AuthorizeLookup = {
  async findClient(clientId: string): Promise<AuthorizeClient | null> {
    const client = await db().client.findFirst({
      where: { clientId, app: { provider: "INDEED", credentialType: "OAUTH2" } },
      select: { id: true, isPublic: true, grantTypes: true },
    });
    return client;
  },
  async isRegisteredRedirectUri(client: AuthorizeClient, uri: string): Promise<boolean> {
    // @see RFC 9700 §2.1: exact string comparison, nothing normalised.
    const row = await db().redirectUri.findUnique({ where: { clientId_uri: { clientId: client.id, uri } }, select: { id: true } });
    return row !== null;
  },
};

/** Stores a validated request; returns the handle for the emulator's page URLs. */
export async function createAuthorizationRequest(request: ValidAuthorizeRequest, now = new Date()): Promise<string> {
  const handle = newOpaqueToken();
  await db().authorizationRequest.create({
    data: {
      handleHash: tokenHash(handle),
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      state: request.state,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      prompt: request.prompt,
      expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_SECONDS * 1000),
    },
  });
  // Requests nobody finished are of no use after they expire.
  await db().authorizationRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  return handle;
}

async function loadRequest(handle: string) {
  if (!isRequestHandle(handle)) return null;
  return db().authorizationRequest.findUnique({
    where: { handleHash: tokenHash(handle) },
    select: {
      id: true,
      redirectUri: true,
      scopes: true,
      state: true,
      nonce: true,
      codeChallenge: true,
      prompt: true,
      accountId: true,
      grantedScopes: true,
      consentedAt: true,
      completedAt: true,
      expiresAt: true,
      client: {
        select: {
          id: true,
          grantTypes: true,
          reviewStatus: true,
          companyName: true,
          homepageUrl: true,
          supportEmail: true,
          privacyPolicyUrl: true,
          app: { select: { name: true, partnerId: true } },
        },
      },
    },
  });
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

/** Why a request cannot go on: each has its own message on the emulator's error page. */
export type GoneReason = "unknown" | "expired" | "completed" | "other-account";

export type NextStep =
  | { kind: "gone"; reason: GoneReason }
  | { kind: "sign-in" }
  | {
      kind: "consent";
      appName: string;
      partner: ConsentPartnerInfo;
      ask: IndeedScope[];
      keep: IndeedScope[];
    }
  | { kind: "employer"; appName: string; employers: { id: string; name: string }[] }
  | { kind: "redirect"; url: string };

const REVIEW_DENIED =
  "This app's authorization code grant has not been approved yet: only its partner's own test accounts may authorize it.";

/** The client as the review rule (lib/credentials/review.ts) reads it. */
function reviewedClient(row: RequestRow) {
  return { grantTypes: row.client.grantTypes, reviewStatus: row.client.reviewStatus, partnerId: row.client.app.partnerId };
}

function partnerInfo(row: RequestRow): ConsentPartnerInfo {
  const { companyName, homepageUrl, supportEmail, privacyPolicyUrl } = row.client;
  return { companyName, homepageUrl, supportEmail, privacyPolicyUrl };
}

type Gone = Extract<NextStep, { kind: "gone" }>;

/** The request, if it can still go on for this account (or nobody); else why it cannot. */
async function openRequest(handle: string, account: SandboxSessionAccount | null, now: Date): Promise<RequestRow | Gone> {
  const row = await loadRequest(handle);
  if (!row) return { kind: "gone", reason: "unknown" };
  const stage = requestStage(row, now);
  if (stage === "expired" || stage === "completed") return { kind: "gone", reason: stage };
  if (account && row.accountId && row.accountId !== account.id) return { kind: "gone", reason: "other-account" };
  return row;
}

async function employersOf(accountId: string) {
  return db().employer.findMany({
    where: { accounts: { some: { id: accountId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** A step someone must take, shown on a page: sign in, consent, or pick an employer. */
type ShownStep = Extract<NextStep, { kind: "gone" | "sign-in" | "consent" | "employer" }>;

/** A step no one needs to be asked about; the server takes it (and only nextStep does). */
interface ServerStep {
  kind: "act";
  take(): Promise<NextStep>;
}

/**
 * Where the request stands for the signed-in account (or nobody): the one decision both the
 * redirects (nextStep) and the pages (viewStep) read, so a page never disagrees with its
 * redirect. Steps that need no one's input (an unapproved app for an outside account, scopes
 * all granted before, a picker with nothing to pick) are ServerSteps.
 */
async function decideStep(handle: string, account: SandboxSessionAccount | null, now: Date): Promise<ShownStep | ServerStep> {
  const row = await openRequest(handle, account, now);
  if ("kind" in row) return row;
  if (!account) return { kind: "sign-in" };
  if (!mayAuthorize(reviewedClient(row), account)) {
    return { kind: "act", take: () => finishWithError(row, new AccessDenied(REVIEW_DENIED), now) };
  }
  if (row.consentedAt) {
    const employers = await employersOf(account.id);
    if (employers.length === 0) return { kind: "act", take: () => issueCode(row, account, consentedScopes(row), null, now) };
    return { kind: "employer", appName: row.client.app.name, employers };
  }
  const plan = planConsent(row.scopes, await grantScopes(account.id, row.client.id));
  if (consentIsImplied(plan)) return { kind: "act", take: () => afterConsent(row, account, plan.keep, now) };
  return { kind: "consent", appName: row.client.app.name, partner: partnerInfo(row), ask: plan.ask, keep: plan.keep };
}

/** The request's next step, taking the steps that need no one's input (GET /indeed/continue). */
export async function nextStep(handle: string, account: SandboxSessionAccount | null, now = new Date()): Promise<NextStep> {
  const step = await decideStep(handle, account, now);
  return step.kind === "act" ? step.take() : step;
}

/**
 * What the emulator's consent or employer page should show, without changing anything: a step
 * the server would take shows as `continue` (the page sends the user to GET /indeed/continue).
 */
export async function viewStep(
  handle: string,
  account: SandboxSessionAccount | null,
  now = new Date(),
): Promise<ShownStep | { kind: "continue" }> {
  const step = await decideStep(handle, account, now);
  return step.kind === "act" ? { kind: "continue" } : step;
}

/** The name of the app a pending request is for (the sign-in page says where it leads). */
export async function requestAppName(handle: string, now = new Date()): Promise<string | null> {
  const row = await loadRequest(handle);
  if (!row || requestStage(row, now) === "expired" || row.completedAt) return null;
  return row.client.app.name;
}

async function grantScopes(accountId: string, clientId: string): Promise<string[] | null> {
  const grant = await db().grant.findUnique({
    where: { accountId_clientId: { accountId, clientId } },
    select: { scopes: true },
  });
  return grant?.scopes ?? null;
}

/** The user's answer on the consent screen. `ticked` is intersected with what was asked. */
export async function submitConsent(
  handle: string,
  account: SandboxSessionAccount,
  decision: "allow" | "deny",
  ticked: readonly string[],
  now = new Date(),
): Promise<NextStep> {
  const row = await openRequest(handle, account, now);
  if ("kind" in row) return row;
  if (row.consentedAt) return { kind: "gone", reason: "completed" };
  if (!mayAuthorize(reviewedClient(row), account)) {
    return finishWithError(row, new AccessDenied(REVIEW_DENIED), now);
  }
  if (decision === "deny") return finishWithError(row, new AccessDenied("The user denied the request."), now);
  const plan = planConsent(row.scopes, await grantScopes(account.id, row.client.id));
  return afterConsent(row, account, grantedScopes(plan, ticked), now);
}

async function afterConsent(
  row: RequestRow,
  account: SandboxSessionAccount,
  scopes: IndeedScope[],
  now: Date,
): Promise<NextStep> {
  if (wantsEmployerPicker(row.prompt, scopes)) {
    const employers = await employersOf(account.id);
    // A user without employers continues without one (docs/decisions/012).
    if (employers.length > 0) {
      const consented = await db().authorizationRequest.updateMany({
        where: { id: row.id, consentedAt: null, completedAt: null, expiresAt: { gt: now } },
        data: { consentedAt: now, accountId: account.id, grantedScopes: scopes },
      });
      if (consented.count !== 1) return { kind: "gone", reason: "completed" };
      return { kind: "employer", appName: row.client.app.name, employers };
    }
  }
  return issueCode(row, account, scopes, null, now);
}

/** The scopes the account consented to, recorded when the picker was reached. */
function consentedScopes(row: RequestRow): IndeedScope[] {
  return sortScopes(row.grantedScopes as IndeedScope[]);
}

/** The employer picked on the picker (null: continue without one). */
export async function submitEmployer(
  handle: string,
  account: SandboxSessionAccount,
  employerId: string | null,
  now = new Date(),
): Promise<NextStep | { kind: "invalid-employer" }> {
  const row = await openRequest(handle, account, now);
  if ("kind" in row) return row;
  // Only a request this account consented to reaches the picker.
  if (!row.consentedAt || row.accountId !== account.id) return { kind: "gone", reason: "unknown" };
  if (employerId !== null) {
    const employer = await db().employer.findFirst({
      where: { id: employerId, accounts: { some: { id: account.id } } },
      select: { id: true },
    });
    if (!employer) return { kind: "invalid-employer" };
  }
  return issueCode(row, account, consentedScopes(row), employerId, now);
}

class AlreadyCompleted extends Error {}

/**
 * Completes the request with a code: the one UPDATE that sets completedAt decides, then the
 * grant accumulates the scopes and the code is stored, all in one transaction.
 */
async function issueCode(
  row: RequestRow,
  account: SandboxSessionAccount,
  scopes: IndeedScope[],
  employerId: string | null,
  now: Date,
): Promise<NextStep> {
  const code = newOpaqueToken();
  try {
    await db().$transaction(async (tx) => {
      const completed = await tx.authorizationRequest.updateMany({
        where: { id: row.id, completedAt: null, expiresAt: { gt: now }, OR: [{ accountId: null }, { accountId: account.id }] },
        data: { completedAt: now, consentedAt: row.consentedAt ?? now, accountId: account.id, grantedScopes: scopes },
      });
      if (completed.count !== 1) throw new AlreadyCompleted();
      // Scopes accumulate atomically, whatever other requests of the same account and client do.
      const [grant] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Grant" ("id", "accountId", "clientId", "scopes", "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), ${account.id}::uuid, ${row.client.id}::uuid, ${scopes}::text[], ${now}, ${now})
        ON CONFLICT ("accountId", "clientId") DO UPDATE SET
          "scopes" = ARRAY(SELECT DISTINCT s FROM unnest("Grant"."scopes" || EXCLUDED."scopes") AS s ORDER BY s),
          "updatedAt" = EXCLUDED."updatedAt"
        RETURNING "id"::text AS "id"`;
      await tx.authorizationCode.create({
        data: {
          codeHash: tokenHash(code),
          clientId: row.client.id,
          accountId: account.id,
          grantId: grant!.id,
          redirectUri: row.redirectUri,
          scopes,
          nonce: row.nonce,
          codeChallenge: row.codeChallenge,
          employerId,
          expiresAt: new Date(now.getTime() + CODE_LIFETIME_SECONDS * 1000),
        },
      });
    });
  } catch (error) {
    if (error instanceof AlreadyCompleted) return { kind: "gone", reason: "completed" };
    throw error;
  }
  return {
    kind: "redirect",
    url: authorizationResponseUrl(row.redirectUri, { code, state: row.state, employer: employerId }),
  };
}

async function finishWithError(row: RequestRow, error: OAuthError, now: Date): Promise<NextStep> {
  const completed = await db().authorizationRequest.updateMany({
    where: { id: row.id, completedAt: null },
    data: { completedAt: now },
  });
  if (completed.count !== 1) return { kind: "gone", reason: "completed" };
  return { kind: "redirect", url: errorResponseUrl(row.redirectUri, error, row.state) };
}

// ─── Authorized applications ────────────────────────────────────────────────────────────────

/** The apps the account has authorized, with what each holds. */
export async function listAuthorizedApplications(accountId: string) {
  const grants = await db().grant.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      scopes: true,
      createdAt: true,
      updatedAt: true,
      client: { select: { companyName: true, homepageUrl: true, app: { select: { name: true } } } },
    },
  });
  return grants.map((g) => ({
    id: g.id,
    appName: g.client.app.name,
    companyName: g.client.companyName,
    homepageUrl: g.client.homepageUrl,
    scopes: sortScopes(g.scopes.filter(isIndeedScope)),
    grantedAt: g.createdAt,
    updatedAt: g.updatedAt,
  }));
}

/**
 * Removes an app's access, all scopes at once: deleting the grant deletes its codes and refresh
 * tokens with it (ON DELETE CASCADE), so the app's refresh tokens fail from now on. Another
 * account's grant id removes nothing, exactly like an unknown one.
 */
export async function revokeGrant(accountId: string, grantId: string): Promise<{ appName: string } | null> {
  if (!isUuid(grantId)) return null;
  return db().$transaction(async (tx) => {
    const grant = await tx.grant.findFirst({
      where: { id: grantId, accountId },
      select: { id: true, client: { select: { app: { select: { name: true } } } } },
    });
    if (!grant) return null;
    const deleted = await tx.grant.deleteMany({ where: { id: grant.id, accountId } });
    return deleted.count === 1 ? { appName: grant.client.app.name } : null;
  });
}
