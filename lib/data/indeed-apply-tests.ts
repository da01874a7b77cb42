import "server-only";
// The Indeed Apply testing tool: sends a signed sample application to the partner's endpoint,
// keeps every send, and checks signatures against the app's secret. Authorization sits inside
// every query (another partner's app, or an app without an Indeed Apply token, is "not
// found"); sending and checking use the secret, so they need `credentials:manage` (owners,
// developers, admins) and each one is written to the activity log; viewers see the history.
// The secret never leaves this module: only its signature of a body does. Inputs arrive parsed
// by lib/indeed-apply/schemas.ts (decision 017).
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import { isUuid } from "../ids";
import { outboundAllowsPrivateAddresses } from "../env";
import { outboundFetch } from "../outbound/outbound-fetch";
import { interpret, isExpected, OUTCOME_LABELS, type Outcome, type SendKind } from "../indeed-apply/outcome";
import { forgedSignature, signApplication, signatureMatches, SIGNATURE_HEADER } from "../indeed-apply/signature";
import { SAMPLE_LABELS, isSampleKind, sampleBody, type SampleKind } from "../indeed-apply/samples";
import type { SendInput, VerifyInput } from "../indeed-apply/schemas";
import { visibleApps } from "../auth/scope";
import { hit } from "./rate-limit";
import { indeedApplySecret } from "./indeed-apply-secret";
import type { SessionUser } from "./users";
import { TX_OPTIONS } from "./shared";

/** Indeed asks receivers to answer quickly; the tool waits as long as Indeed's own client. */
export const SEND_TIMEOUT_MS = 5_000;
/** The most of an answer kept and shown: endpoints answer with a status, not a document. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const HISTORY_SIZE = 50;
/** Sends per app per minute: a test tool, not a way to flood a third party's server. */
export const SEND_LIMIT = { max: 30, windowSeconds: 60 } as const;


function notFound(): AppError {
  return new AppError("NOT_FOUND", "This app does not exist, or you do not have access to it.");
}

/** The app, if `user` sees it and it has an Indeed Apply token; null otherwise. */
async function findApplyApp(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  return db().app.findFirst({
    where: { AND: [{ id: appId }, visibleApps(user)], credentialType: "INDEED_APPLY" },
    select: { id: true, name: true, client: { select: { clientId: true } }, indeedApplyTestTarget: { select: { url: true } } },
  });
}

export type TestSendRow = Awaited<ReturnType<typeof listSends>>[number];

async function listSends(appId: string, where: Prisma.IndeedApplyTestSendWhereInput = {}) {
  const rows = await db().indeedApplyTestSend.findMany({
    where: { appId, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SIZE,
    select: {
      id: true,
      createdAt: true,
      url: true,
      sample: true,
      kind: true,
      requestBody: true,
      signature: true,
      outcome: true,
      expected: true,
      message: true,
      status: true,
      durationMs: true,
      responseHeaders: true,
      responseBody: true,
      responseTruncated: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    actor: r.actor?.name ?? null,
    sampleLabel: isSampleKind(r.sample) ? SAMPLE_LABELS[r.sample] : r.sample,
    outcomeLabel: OUTCOME_LABELS[r.outcome as Outcome] ?? r.outcome,
    responseHeaders: Array.isArray(r.responseHeaders) ? (r.responseHeaders as Array<[string, string]>) : [],
  }));
}

/** What the testing tool's page shows. Null (a 404) when the app is not visible or not Indeed Apply. */
export async function getIndeedApplyTestTool(user: SessionUser, appId: string) {
  const app = await findApplyApp(user, appId);
  if (!app) return null;
  const apiToken = app.client?.clientId ?? "";
  return {
    app: { id: app.id, name: app.name },
    apiToken,
    hasToken: app.client !== null,
    endpointUrl: app.indeedApplyTestTarget?.url ?? "",
    canSend: can(user.role, "credentials:manage"),
    privateAddressesAllowed: outboundAllowsPrivateAddresses(),
    samples: Object.fromEntries(
      (Object.keys(SAMPLE_LABELS) as SampleKind[]).map((kind) => [kind, sampleBody(kind, { apiToken })]),
    ) as Record<SampleKind, string>,
    history: await listSends(app.id),
  };
}

/**
 * Sends one application and keeps the send. `repeat` re-sends the exact body and URL of an
 * earlier send of this app (a correct endpoint answers 409); `forged` signs with a wrong
 * signature (it must refuse). The outbound call runs outside any transaction.
 */
export async function sendTestApplication(user: SessionUser, input: SendInput) {
  const app = await findApplyApp(user, input.appId);
  if (!app) throw notFound();
  assertCan(user.role, "credentials:manage");

  let url: string;
  let sample: string;
  let body: string;
  if (input.kind === "repeat") {
    if (!isUuid(input.sendId)) throw new AppError("NOT_FOUND", "There is no earlier send to repeat.");
    const earlier = await db().indeedApplyTestSend.findFirst({
      where: { id: input.sendId, appId: app.id },
      select: { url: true, sample: true, requestBody: true },
    });
    if (!earlier) throw new AppError("NOT_FOUND", "There is no earlier send to repeat.");
    ({ url, sample, requestBody: body } = earlier);
  } else {
    ({ url, sample, body } = input);
  }

  const { count, resetAt } = await hit(`indeed-apply-test:${app.id}`, SEND_LIMIT);
  if (count > SEND_LIMIT.max) {
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    throw new AppError("RATE_LIMITED", `This app has sent ${SEND_LIMIT.max} test applications in the last minute. Try again in ${seconds} s.`);
  }

  const secret = await indeedApplySecret(app.id);
  const kind: SendKind = input.kind;
  const signature = kind === "forged" ? forgedSignature(secret.value, body) : signApplication(secret.value, body);
  const headers = { "content-type": "application/json; charset=utf-8", [SIGNATURE_HEADER.toLowerCase()]: signature };
  const result = await outboundFetch(url, { method: "POST", headers, body }, {
    timeoutMs: SEND_TIMEOUT_MS,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    truncate: true,
  });
  const meaning = interpret(result, kind);
  const expected = isExpected(kind, meaning);
  const now = new Date();

  const saved = await db().$transaction(async (tx) => {
    if (kind !== "repeat") {
      await tx.indeedApplyTestTarget.upsert({ where: { appId: app.id }, create: { appId: app.id, url }, update: { url } });
    }
    const row = await tx.indeedApplyTestSend.create({
      data: {
        appId: app.id,
        actorId: user.id,
        url,
        sample,
        kind,
        requestBody: body,
        signature,
        outcome: meaning.outcome,
        expected,
        message: meaning.message,
        status: meaning.status,
        durationMs: result.durationMs,
        responseHeaders: result.ok ? (result.headers as Prisma.InputJsonValue) : Prisma.DbNull,
        responseBody: result.ok ? result.text() : null,
        responseTruncated: result.ok ? result.truncated : false,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.clientSecret.updateMany({ where: { id: secret.id }, data: { lastUsedAt: now } });
    await tx.activityEvent.create({
      data: {
        appId: app.id,
        actorId: user.id,
        type: "indeed_apply.test_sent",
        detail: { uri: url, note: `${kindLabel(kind)}: ${OUTCOME_LABELS[meaning.outcome]}` },
        createdAt: now,
      },
    });
    return row;
  }, TX_OPTIONS);

  const [send] = await listSends(app.id, { id: saved.id });
  return send!;
}

function kindLabel(kind: SendKind): string {
  return kind === "repeat" ? "Sent again" : kind === "forged" ? "Sent with a wrong signature" : "Sent";
}

/**
 * Whether a body was signed with this app's current secret. Shows the expected signature, which
 * proves nothing about the secret beyond what any signed application Indeed sends shows.
 */
export async function verifyTestSignature(user: SessionUser, input: VerifyInput) {
  const app = await findApplyApp(user, input.appId);
  if (!app) throw notFound();
  assertCan(user.role, "credentials:manage");
  const { body, signature } = input;
  const secret = await indeedApplySecret(app.id);
  const matches = signatureMatches(secret.value, body, signature);
  const expected = signApplication(secret.value, body);
  await db().activityEvent.create({
    data: {
      appId: app.id,
      actorId: user.id,
      type: "indeed_apply.signature_checked",
      detail: { note: matches ? "Signed with this app’s secret" : "Not signed with this app’s secret" },
    },
  });
  return { matches, expected, given: signature, bodyBytes: Buffer.byteLength(body, "utf8") };
}
