import "server-only";
// Runs a flow's steps for a user: builds the step's context (the transport to the run's target,
// the secret unsealed on demand, the run's vault, earlier steps' data), runs the step, turns
// what went wrong into plain words plus the provider's own error, masks every exchange, and
// saves the outcome. Nothing is kept in this process between calls: a step may run on any
// instance (docs/decisions/030-token-tool.md).
import * as oauth from "oauth4webapi";
import type { JSONWebKeySet } from "jose";
import { AppError } from "../errors";
import { createRun, findRunByState, runForStep, saveStep, setRunState, vault, type SavedRun } from "../data/token-tool";
import type { SessionUser } from "../data/users";
import { maskExchange, maskText, toCurl, type KnownValue } from "./exchange";
import type { FlowDefinition, ProviderError, StepContext, StepData, StepOutcome, StepResult } from "./flow";
import { flowById } from "./flows";
import { callbackUrl } from "./callback";
import { addRedirectUri } from "../data/redirect-uris";
import { inspectJwt } from "./jwt";
import type { Target, TargetKind } from "./targets";
import { createTransport, TransportError } from "./transport";

export interface StartRunInput {
  appId: string;
  flow: string;
  target: TargetKind;
  baseUrl: string | null;
  secretId: string | null;
}

function flowOrThrow(id: string): FlowDefinition {
  const flow = flowById(id);
  if (!flow) throw new AppError("NOT_FOUND", "This flow does not exist.");
  return flow;
}

/** Starts a run: the app must be visible, the user allowed to run flows, the secret the app's. */
export async function startRun(user: SessionUser, input: StartRunInput): Promise<string> {
  const flow = flowOrThrow(input.flow);
  const credentials = await flow.credentials.describe(user, input.appId);
  if (!credentials) throw new AppError("NOT_FOUND", "This app does not exist, or it has no credentials for this flow.");
  const secret = input.secretId === null ? null : credentials.secrets.find((s) => s.id === input.secretId);
  if (input.secretId !== null && !secret) {
    throw new AppError("VALIDATION", "Choose one of the app’s active secrets.", { secretId: ["Choose one of the app’s active secrets."] });
  }
  if (input.target === "custom" && !input.baseUrl) {
    throw new AppError("VALIDATION", "Enter the custom issuer or base URL.", { baseUrl: ["Enter the custom issuer or base URL."] });
  }
  const run = await createRun(user, {
    appId: input.appId,
    flow: flow.id,
    target: input.target,
    baseUrl: input.target === "custom" ? input.baseUrl : null,
    secretId: secret?.id ?? null,
    secretLabel: secret?.label ?? null,
  });
  return run.id;
}

/** The run's target: the console's own origin for the emulator. */
export function runTarget(run: Pick<SavedRun, "target" | "baseUrl">, origin: string): Target {
  const kind = run.target as TargetKind;
  return { kind, base: kind === "emulator" ? origin : (run.baseUrl ?? "") };
}

/** Ends a sentence with a period, unless the provider's words already end it. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** What went wrong, in plain words, with the provider's own error when it sent one. */
export function explain(error: unknown): { message: string; providerError?: ProviderError } {
  if (error instanceof TransportError) return { message: error.message };
  if (error instanceof oauth.ResponseBodyError) {
    return {
      message: sentence(`The provider refused the request (HTTP ${error.status}): ${error.error_description ?? error.error}`),
      providerError: { error: error.error, ...(error.error_description ? { error_description: error.error_description } : {}) },
    };
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return {
      message: sentence(`The provider returned an error to the callback: ${error.error_description ?? error.error}`),
      providerError: { error: error.error, ...(error.error_description ? { error_description: error.error_description } : {}) },
    };
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const code = challenge?.parameters.error;
    const description = challenge?.parameters.error_description;
    return {
      message: sentence(`The API refused the token (HTTP ${error.status}${code ? `, ${code}` : ""})${description ? `: ${description}` : ""}`),
      ...(code ? { providerError: { error: code, ...(description ? { error_description: description } : {}) } } : {}),
    };
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return { message: sentence(`The response is not what the standard requires: ${error.message}`) };
  }
  if (error instanceof AppError) return { message: error.message };
  throw error;
}

export interface RunStepInput {
  runId: string;
  step: string;
  input: Record<string, string>;
  origin: string;
}

/** Runs one step of a run and saves its masked outcome. */
export async function runStep(user: SessionUser, request: RunStepInput): Promise<StepOutcome> {
  const run = await runForStep(user, request.runId);
  const flow = flowOrThrow(run.flow);
  const step = flow.steps.find((s) => s.key === request.step);
  if (!step) throw new AppError("NOT_FOUND", "This step does not exist.");
  const parsed = step.input.safeParse(request.input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "Some fields need your attention.", fieldErrors);
  }

  const earlier: Record<string, StepData> = {};
  for (const saved of run.steps) if (saved.status === "passed") earlier[saved.key] = saved.outcome.data ?? {};
  const missing = (step.after ?? []).filter((key) => !earlier[key]);
  if (missing.length > 0) {
    const titles = missing.map((key) => `“${flow.steps.find((s) => s.key === key)?.title ?? key}”`).join(" and ");
    throw new AppError("CONFLICT", `Run ${titles} first: this step needs its result.`);
  }

  const target = runTarget(run, request.origin);
  const http = createTransport({ target, routes: await flow.routes() });
  const known: KnownValue[] = [];
  const jwksCache = new Map<string, JSONWebKeySet>();
  let clientId = "";
  const credentials = await flow.credentials.describe(user, run.app.id);
  if (!credentials) throw new AppError("NOT_FOUND", "This app no longer has credentials for this flow.");
  clientId = credentials.clientId;

  const context: StepContext = {
    run: { id: run.id, appId: run.app.id, clientId, target, secretId: run.secretId, secretLabel: run.secretLabel, origin: request.origin },
    http,
    async secret() {
      if (!run.secretId) throw new AppError("CONFLICT", "This run has no secret: start a new run and choose one.");
      const secret = await flow.credentials.unseal(user, run.app.id, run.secretId);
      known.push({ value: secret.value, kind: "secret", variable: "CLIENT_SECRET", shown: `the secret “${secret.label}”`, clientId: secret.clientId });
      return secret.value;
    },
    vault: {
      async get(name) {
        const value = await vault.get(run.id, name);
        if (value) known.push({ value, kind: "token", variable: name.toUpperCase().replace(/[^A-Z0-9]+/g, "_") });
        return value;
      },
      put: (name, value, expiresAt) => vault.put(run.id, name, value, expiresAt),
    },
    hide(value, kind, variable) {
      known.push({ value, kind, variable });
    },
    setState: (state) => setRunState(user, run.id, state),
    inspectJwt: (name, token, options) => inspectJwt(name, token, http, { ...options, jwksCache }),
    earlier,
  };

  const started = performance.now();
  let result: StepResult;
  try {
    result = await step.run(context, parsed.data);
  } catch (error) {
    result = { ok: false, ...explain(error) };
  }
  // Messages and facts are built by the steps, partly from the provider's words: masked too.
  const outcome: StepOutcome = {
    ...result,
    message: maskText(result.message, known),
    facts: result.facts?.map(([label, value]) => [label, maskText(value, known)]),
    providerError: result.providerError && {
      error: maskText(result.providerError.error, known),
      ...(result.providerError.error_description ? { error_description: maskText(result.providerError.error_description, known) } : {}),
    },
    exchanges: http.exchanges.map((exchange) => ({ ...maskExchange(exchange, known), curl: toCurl(exchange.request, known) })),
  };
  const durationMs = Math.round(performance.now() - started);
  await saveStep(user, run.id, { key: step.key, input: request.input, outcome, durationMs });
  return outcome;
}

/** A token of the run in full, while the run's vault still holds it (for a user who may run it). */
export async function revealToken(user: SessionUser, runId: string, name: string): Promise<string> {
  const run = await runForStep(user, runId);
  const value = await vault.get(run.id, name);
  if (!value) throw new AppError("NOT_FOUND", "This token is no longer held: it expired or was never kept. Run the step again.");
  return value;
}

/**
 * The tool's callback: finds the run by the returned `state` (in the database, so any instance
 * can answer), keeps the callback URL in the run's vault for the exchange step, and runs it.
 * Returns the run's id, or null when no run of the user's has this state.
 */
export async function receiveCallback(user: SessionUser, callback: URL, origin: string): Promise<string | null> {
  const state = callback.searchParams.get("state");
  const runId = state ? await findRunByState(user, state) : null;
  if (!runId) return null;
  await runForStep(user, runId);
  await vault.put(runId, "callback_url", callback.toString(), new Date(Date.now() + 10 * 60 * 1000));
  await runStep(user, { runId, step: "callback", input: { auth: "basic" }, origin });
  return runId;
}

/** Puts the tool's callback on the run's app's redirect allowlist (for users who manage credentials). */
export async function addCallbackToAllowlist(user: SessionUser, runId: string, origin: string): Promise<string> {
  const run = await runForStep(user, runId);
  const uri = callbackUrl(origin);
  await addRedirectUri(user, { appId: run.app.id, uri });
  return uri;
}
