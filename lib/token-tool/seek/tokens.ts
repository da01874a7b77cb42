import "server-only";
// Getting SEEK's tokens for a step, through the run's cache (the vault: sealed in the database,
// each entry expiring `expires_in` minus a minute after issue, lib/token-tool/seek/rules.ts).
// - The partner token is SEEK's documented JSON request (`audience`, `client_id`,
//   `client_secret`, `grant_type`), sent by the run's transport: oauth4webapi only writes form
//   bodies, while SEEK documents JSON. Its answer is still checked by oauth4webapi's strict
//   client credentials response processing.
// - The browser token is a JSON request with the partner token as Bearer; a 401 (the partner
//   token expired or was expired) gets a new partner token and one retry.
// Each acquisition says whether it was a cache hit or miss, for the step's facts.
import { randomUUID } from "node:crypto";
import * as oauth from "oauth4webapi";
import { decodeJwt } from "jose";
import { SEEK_AUDIENCES, SEEK_ENVIRONMENT_LABELS } from "../../credentials/seek";
import { seekRunCredential, seekRunHirers } from "../../data/seek-token-tool";
import { AppError } from "../../errors";
import type { SeekEnvironment } from "../../generated/prisma/enums";
import { maskToken } from "../exchange";
import type { KeptToken, StepContext } from "../flow";
import type { JwtReport } from "../jwt";
import { seekEndpoints, type SeekEndpoints } from "../targets";
import { browserTokenEntry, browserTokenRetry, cacheUntil, CACHE_BUFFER_S, PARTNER_TOKEN_ENTRY, scopeSet } from "./rules";

/** Sent as SEEK asks every request to carry: the software's name and version. */
export const USER_AGENT = "PartnerConsoleTokenTool/1.0";

export interface SeekRun {
  environment: SeekEnvironment;
  clientId: string;
  partnerId: string;
  audience: string;
  endpoints: SeekEndpoints;
  /** One X-Session-Id for the requests of one step (one user interaction). */
  sessionId: string;
}

export async function seekRun(context: StepContext): Promise<SeekRun> {
  const credential = await seekRunCredential(context.run.appId, context.run.secretId);
  if (!credential) throw new AppError("CONFLICT", "This run’s secret no longer exists: start a new run with one of the app’s active secrets.");
  return {
    ...credential,
    audience: SEEK_AUDIENCES[credential.environment],
    endpoints: seekEndpoints(context.run.target),
    sessionId: randomUUID(),
  };
}

export function environmentLabel(seek: SeekRun): string {
  return SEEK_ENVIRONMENT_LABELS[seek.environment];
}

export async function partnerHirers(seek: SeekRun) {
  const hirers = await seekRunHirers(seek.partnerId, seek.environment);
  return hirers.map((h) => ({ value: h.id, label: `${h.name} (${h.id})` }));
}

export function tracing(seek: SeekRun): Record<string, string> {
  return { "user-agent": USER_AGENT, "x-request-id": randomUUID(), "x-session-id": seek.sessionId };
}

/** A token as a step got it: from the cache, or a new one (with its report and vault entry). */
export interface Acquired {
  token: string;
  cache: "hit" | "miss";
  /** How the cache came into it, in words, for the step's facts. */
  note: string;
  report: JwtReport | null;
  kept: KeptToken | null;
}

function reusableUntil(token: string): string {
  try {
    const exp = decodeJwt(token).exp;
    if (typeof exp === "number") return new Date((exp - CACHE_BUFFER_S) * 1000).toISOString();
  } catch {
    // an opaque token: its expiry is only known to the vault
  }
  return "";
}

async function cached(context: StepContext, entry: string, what: string): Promise<Acquired | null> {
  const token = await context.vault.get(entry);
  if (!token) return null;
  const until = reusableUntil(token);
  return {
    token,
    cache: "hit",
    note: `cache hit: the ${what} obtained earlier is reused${until ? ` (until ${until.slice(11, 19)} UTC, ${CACHE_BUFFER_S} s before it expires)` : ""}`,
    report: null,
    kept: { name: entry, masked: maskToken(token), expiresAt: until },
  };
}

/** Checks a token answer strictly, SEEK's way: oauth4webapi's rules plus `token_type` exactly `Bearer`. */
async function tokenAnswer(response: Response, endpoint: string): Promise<{ access_token: string; expires_in?: number }> {
  const raw = (await response.clone().json().catch(() => null)) as { token_type?: unknown } | null;
  const tokens = await oauth.processClientCredentialsResponse({ issuer: new URL(endpoint).origin }, { client_id: "token-tool" }, response);
  if (raw?.token_type !== "Bearer") {
    throw new AppError("CONFLICT", `The answer’s token_type is ${JSON.stringify(raw?.token_type)}, not exactly "Bearer" as SEEK documents.`);
  }
  return tokens;
}

async function keep(context: StepContext, seek: SeekRun, entry: string, token: string, expiresIn: number | undefined, why: string): Promise<Acquired> {
  context.hide(token, "token", entry.toUpperCase());
  const until = cacheUntil(expiresIn, new Date());
  if (until) await context.vault.put(entry, token, until);
  const report = await context.inspectJwt(entry, token, { jwksUrl: seek.endpoints.jwks, issuer: seek.endpoints.issuer, audience: seek.audience });
  if (report && until) report.vaultName = entry;
  return {
    token,
    cache: "miss",
    note: `${why}; ${until ? `cached until ${until.toISOString().slice(11, 19)} UTC (expires_in ${expiresIn} s minus ${CACHE_BUFFER_S} s)` : `not cached: expires_in ${expiresIn ?? "(not said)"} s leaves nothing after the ${CACHE_BUFFER_S} s buffer`}`,
    report,
    kept: until ? { name: entry, masked: maskToken(token), expiresAt: until.toISOString() } : null,
  };
}

/** The partner token: from the cache unless `renew`, else SEEK's JSON client credentials request. */
export async function partnerToken(context: StepContext, seek: SeekRun, options: { renew: boolean; why?: string }): Promise<Acquired> {
  if (!options.renew) {
    const hit = await cached(context, PARTNER_TOKEN_ENTRY, "partner token");
    if (hit) return hit;
  }
  const secret = await context.secret();
  context.http.label(`Partner token request${options.why ? ` (${options.why})` : ""}`);
  const response = await context.http.fetch(seek.endpoints.partnerToken, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...tracing(seek) },
    body: JSON.stringify({ audience: seek.audience, client_id: seek.clientId, client_secret: secret, grant_type: "client_credentials" }),
  });
  const tokens = await tokenAnswer(response, seek.endpoints.partnerToken);
  return keep(context, seek, PARTNER_TOKEN_ENTRY, tokens.access_token, tokens.expires_in, options.renew && options.why ? `cache skipped: ${options.why}` : "cache miss: a new partner token was requested");
}

export interface BrowserTokenRequest {
  hirerId: string;
  scopes: string[];
  userId: string;
}

/**
 * The browser token for the hirer and scope set: from the cache unless `renew`, else requested
 * with the partner token (itself from the cache); a 401 gets a new partner token and one retry.
 * `partner` collects how the partner token was got, for the step's facts.
 */
export async function browserToken(
  context: StepContext,
  seek: SeekRun,
  request: BrowserTokenRequest,
  options: { renew: boolean; why?: string },
  partner: Acquired[],
): Promise<Acquired> {
  const entry = browserTokenEntry(request.hirerId, request.scopes);
  if (!options.renew) {
    const hit = await cached(context, entry, "browser token for this hirer and scope set");
    if (hit) return hit;
  }
  const body = JSON.stringify({ hirerId: request.hirerId, scope: scopeSet(request.scopes).join(" "), userId: request.userId });
  let partnerGot = await partnerToken(context, seek, { renew: false });
  partner.push(partnerGot);
  for (let attempt = 1; ; attempt++) {
    context.http.label(`Browser token request${options.why ? ` (${options.why})` : ""}${attempt > 1 ? ", retried once with a new partner token" : ""}`);
    const response = await context.http.fetch(seek.endpoints.browserToken, {
      method: "POST",
      headers: { authorization: `Bearer ${partnerGot.token}`, "content-type": "application/json", accept: "application/json", ...tracing(seek) },
      body,
    });
    const decision = browserTokenRetry(response.status, attempt);
    if (decision.retry) {
      partnerGot = await partnerToken(context, seek, { renew: true, why: "the browser token endpoint refused the partner token (HTTP 401)" });
      partner.push(partnerGot);
      continue;
    }
    if (response.status !== 200) {
      const refused = (await response.clone().json().catch(() => null)) as { error?: unknown; error_description?: unknown } | null;
      if (typeof refused?.error !== "string") throw new AppError("CONFLICT", `The browser token endpoint answered HTTP ${response.status}.`);
    }
    const tokens = await tokenAnswer(response, seek.endpoints.browserToken);
    return keep(context, seek, entry, tokens.access_token, tokens.expires_in, options.renew && options.why ? `cache skipped: ${options.why}` : "cache miss: a new browser token was requested");
  }
}
