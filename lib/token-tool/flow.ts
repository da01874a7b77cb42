// The shape of a token tool flow: a provider's sequence of steps, each with the inputs the
// tester fills in and a `run` that uses the step context (the transport, the secret, the run's
// vault, earlier steps' results). A flow family (Indeed, SEEK) defines its flows with these
// types and adds them to the registry (lib/token-tool/flows.ts); the runner, the storage and
// the page know nothing else about them. Types only, plus the outcome helpers.
import type { z } from "zod";
import type { Exchange } from "./exchange";
import type { JwtReport } from "./jwt";
import type { ProviderId, Target } from "./targets";
import type { RouteTable, Transport } from "./transport";
import type { SessionUser } from "../data/users";

/** One input of a step, as the page renders it. */
export interface StepField {
  name: string;
  label: string;
  kind: "text" | "select" | "checkboxes" | "textarea";
  help?: string;
  /** Fixed choices. */
  options?: { value: string; label: string }[];
  /** Choices listed by an earlier step: its data[`key`] is an array of { value, label }. */
  optionsFrom?: { step: string; key: string };
  /** The initial value (checkboxes: values joined by spaces). */
  initial?: string;
}

/** What the page may show of an earlier step's result: never a secret or a token value. */
export type StepData = Record<string, unknown>;

export interface RunInfo {
  id: string;
  appId: string;
  /** The OAuth client id (public). */
  clientId: string;
  target: Target;
  /** The secret the run authenticates with, by id (its value only through `secret()`). */
  secretId: string | null;
  secretLabel: string | null;
  /** The console's public origin (the tool's own callback lives there). */
  origin: string;
}

export interface StepContext {
  run: RunInfo;
  http: Transport;
  /** Unseals the run's secret on the server; the use is written to the app's activity log. */
  secret(): Promise<string>;
  /** Values later steps need, sealed in the database, expiring with the token. */
  vault: {
    get(name: string): Promise<string | null>;
    put(name: string, value: string, expiresAt: Date): Promise<void>;
  };
  /** A value to hide wherever it appears in this step's exchanges (tokens the step sends). */
  hide(value: string, kind: "secret" | "token", variable: string): void;
  /** Decodes a JWT and verifies its signature against the JWKS (fetched through `http`). */
  inspectJwt(name: string, token: string, options: { jwksUrl: string; issuer: string; audience?: string }): Promise<JwtReport | null>;
  /** Sets the `state` the callback will find this run by (unique across runs). */
  setState(state: string): Promise<void>;
  /** The data of the run's earlier steps, by step key (only those that passed). */
  earlier: Record<string, StepData>;
}

export interface ProviderError {
  error: string;
  error_description?: string;
}

export interface KeptToken {
  name: string;
  masked: string;
  expiresAt: string;
}

/** What a step's run returns. */
export interface StepResult {
  ok: boolean;
  /** One sentence in plain words: what happened, or why it failed. */
  message: string;
  providerError?: ProviderError;
  /** Facts worth a line each (label, value): granted scopes, the employer, `emp`. */
  facts?: [string, string][];
  tokens?: JwtReport[];
  /** Tokens the run's vault holds for later steps (shown in full on request while held). */
  kept?: KeptToken[];
  /** For later steps and the page (choices, ids); never secret. */
  data?: StepData;
}

/** A step's saved outcome: the result plus its masked exchanges and their curl commands. */
export interface StepOutcome extends StepResult {
  exchanges: (Exchange & { curl: string })[];
}

export interface StepDefinition<S extends z.ZodType = z.ZodType> {
  key: string;
  title: string;
  description: string;
  fields: StepField[];
  /** Parses the step's inputs (strings by field name, from the page). */
  input: S;
  /** Steps that must have passed first (their data is read). */
  after?: string[];
  run(context: StepContext, input: z.output<S>): Promise<StepResult>;
}

/** Where a flow's client id and secrets come from (lib/data implements one per credential kind). */
export interface CredentialSource {
  /** The app's client id and usable secrets (labels only); null if the app has none of this kind. */
  describe(user: SessionUser, appId: string): Promise<{ clientId: string; secrets: { id: string; label: string }[] } | null>;
  /** The secret's value, for the server only; the use is written to the app's activity log. */
  unseal(user: SessionUser, appId: string, secretId: string): Promise<{ clientId: string; label: string; value: string }>;
}

export interface FlowDefinition {
  id: string;
  provider: ProviderId;
  title: string;
  description: string;
  steps: StepDefinition[];
  credentials: CredentialSource;
  /** The step the page runs shortly before the token named `token` (a JwtReport name) expires. */
  autoRefresh?: { step: string; token: string };
  /** The emulator's route handlers this flow's requests are dispatched to. */
  routes: () => Promise<RouteTable>;
}

/** Defines a step, typing `run`'s input by the schema. */
export function step<S extends z.ZodType>(definition: StepDefinition<S>): StepDefinition {
  return definition as unknown as StepDefinition;
}
