"use client";

// The run's steps in one column: each with its state, its inputs, `Run`, and what came back
// (plain words first, then the provider's own error, the facts, the tokens and every exchange).
// `Run all` runs them in order and stops at the first that fails. Runs go through the server
// action; nothing secret is ever in this component's props or state.
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "@/components/date-time";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { StepField, StepOutcome } from "@/lib/token-tool/flow";
import type { ActionResult } from "@/lib/action-result";
import { addCallbackRedirectAction, runStepAction } from "../actions";
import { ExchangeView } from "./exchange-view";
import { JwtPanel, KeptTokenRow } from "./jwt-panel";
import { RunStatus, type StepState } from "./run-status";

export interface SavedStep {
  status: "passed" | "failed";
  input: Record<string, string>;
  outcome: StepOutcome;
  durationMs: number;
  ranAt: string;
}

export interface StepView {
  key: string;
  title: string;
  description: string;
  fields: StepField[];
  after: string[];
}

type Choice = { value: string; label: string };
type Values = Record<string, Record<string, string>>;

/** A field's value; a list from an earlier step starts at its first choice. */
function valueOf(values: Values, results: Record<string, SavedStep>, step: StepView, field: StepField): string {
  const value = values[step.key]?.[field.name] ?? "";
  const choices = field.kind === "select" ? choicesOf(field, results) : [];
  if (choices.length > 0 && !choices.some((c) => c.value === value)) return choices[0]!.value;
  return value;
}

function choicesOf(field: StepField, results: Record<string, SavedStep>): Choice[] {
  if (field.options) return field.options;
  if (!field.optionsFrom) return [];
  const listed = results[field.optionsFrom.step]?.outcome.data?.[field.optionsFrom.key];
  return Array.isArray(listed) ? (listed as Choice[]) : [];
}

/** How long before a token's expiry the page refreshes it, when asked to. */
const REFRESH_AHEAD_MS = 60_000;

/** The latest exp of the token named `name` among the steps' results, in ms. */
function latestExpiry(results: Record<string, SavedStep>, name: string): number | null {
  let latest: number | null = null;
  for (const saved of Object.values(results)) {
    for (const token of saved.outcome.tokens ?? []) {
      const exp = token.claims.exp;
      if (token.name === name && typeof exp === "number" && (latest === null || exp * 1000 > latest)) latest = exp * 1000;
    }
  }
  return latest;
}

export function RunSteps({
  runId,
  canRun,
  steps,
  saved,
  autoRefresh,
}: {
  runId: string;
  canRun: boolean;
  steps: StepView[];
  saved: Record<string, SavedStep>;
  autoRefresh?: { step: string; token: string };
}) {
  const [results, setResults] = useState(saved);
  const resultsRef = useRef(saved);
  // The inputs live in a ref (Run all reads them between renders); the state re-renders on typing.
  const [initialValues] = useState<Values>(() =>
    Object.fromEntries(steps.map((s) => [s.key, Object.fromEntries(s.fields.map((f) => [f.name, saved[s.key]?.input[f.name] ?? f.initial ?? ""]))])),
  );
  const [values, setValues] = useState(initialValues);
  const valuesRef = useRef(initialValues);
  const [running, setRunning] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, { error: string; fieldErrors?: Record<string, string[]> }>>({});


  function setValue(step: string, name: string, value: string) {
    const next = { ...valuesRef.current, [step]: { ...valuesRef.current[step], [name]: value } };
    valuesRef.current = next;
    setValues(next);
  }

  async function run(step: StepView): Promise<boolean> {
    setRunning(step.key);
    const input = Object.fromEntries(step.fields.map((f) => [f.name, valueOf(valuesRef.current, resultsRef.current, step, f)]));
    try {
      const result = await runStepAction({ runId, step: step.key, input });
      if (result.ok && result.data) {
        const outcome = result.data;
        const next = { ...resultsRef.current, [step.key]: { status: outcome.ok ? "passed" : "failed", input, outcome, durationMs: 0, ranAt: new Date().toISOString() } as SavedStep };
        resultsRef.current = next;
        setResults(next);
        setRefusals((r) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== step.key)));
        return outcome.ok;
      }
      if (!result.ok) setRefusals((r) => ({ ...r, [step.key]: { error: result.error, fieldErrors: result.fieldErrors } }));
      return false;
    } finally {
      setRunning(null);
    }
  }

  // Automatic refresh: a timer while the page is open, shortly before the watched token expires.
  const [auto, setAuto] = useState(false);
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const expiresAt = autoRefresh ? latestExpiry(results, autoRefresh.token) : null;
  const refreshAt = expiresAt === null ? null : expiresAt - REFRESH_AHEAD_MS;
  useEffect(() => {
    if (!auto || refreshAt === null || !autoRefresh) return;
    const step = steps.find((s) => s.key === autoRefresh.step);
    if (!step) return;
    const timer = setTimeout(() => void runRef.current(step), Math.max(0, refreshAt - Date.now()));
    return () => clearTimeout(timer);
  }, [auto, refreshAt, autoRefresh, steps]);

  async function runAll() {
    for (const step of steps) if (!(await run(step))) break;
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <Button onClick={runAll} disabled={!canRun || running !== null}>
          Run all
        </Button>
        <p className="text-sm text-slate-600">Runs every step in order and stops at the first that fails.</p>
      </div>
      {autoRefresh && canRun ? (
        <div className="text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
            Refresh the tokens automatically a minute before they expire, while this page is open
          </label>
          {auto ? (
            <p className="mt-1 text-slate-600" role="status">
              {refreshAt === null ? "Nothing to refresh yet." : `Next automatic refresh: ${formatDateTime(refreshAt)} (a minute before the token expires).`}
            </p>
          ) : null}
        </div>
      ) : null}
      <ol className="space-y-4" aria-label="Steps">
        {steps.map((step, index) => {
          const result = results[step.key];
          const state: StepState = running === step.key ? "running" : (result?.status ?? "not_run");
          const refusal = refusals[step.key];
          const headingId = `step-${step.key}`;
          return (
            <li key={step.key} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-state={state}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 id={headingId} className="text-base font-semibold">
                  {index + 1}. {step.title}
                </h3>
                <RunStatus status={state} />
              </div>
              <p className="mt-1 text-sm text-slate-700">{step.description}</p>
              {step.fields.length > 0 ? (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  {step.fields.map((field) => (
                    <StepInput
                      key={field.name}
                      field={field}
                      value={valueOf(values, results, step, field)}
                      choices={choicesOf(field, results)}
                      errors={refusal?.fieldErrors?.[field.name]}
                      disabled={!canRun || running !== null}
                      onChange={(v) => setValue(step.key, field.name, v)}
                    />
                  ))}
                </div>
              ) : null}
              <div className="mt-3 flex items-center gap-3">
                <Button variant="secondary" onClick={() => run(step)} disabled={!canRun || running !== null}>
                  {running === step.key ? "Running…" : "Run"}
                  <span className="sr-only"> {step.title}</span>
                </Button>
                {result ? <span className="text-xs text-slate-600">{result.status === "passed" ? "Passed" : "Failed"} last time it ran.</span> : null}
              </div>
              {refusal ? (
                <div className="mt-3">
                  <FormMessage result={{ ok: false, error: refusal.error }} />
                </div>
              ) : null}
              {result ? <StepResultView runId={runId} canRun={canRun} outcome={result.outcome} /> : null}
              {result?.outcome.data?.missingRedirect && canRun ? <AddCallback runId={runId} uri={String(result.outcome.data.missingRedirect)} /> : null}
            </li>
          );
        })}
      </ol>
      <span className="sr-only" role="status">
        {running ? `Running ${steps.find((s) => s.key === running)?.title}` : ""}
      </span>
    </div>
  );
}

function StepInput({
  field,
  value,
  choices,
  errors,
  disabled,
  onChange,
}: {
  field: StepField;
  value: string;
  choices: Choice[];
  errors?: string[];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  if (field.kind === "select") {
    return (
      <SelectField
        label={field.label}
        hint={choices.length === 0 ? "Run the earlier step first: it lists the choices." : field.help}
        errors={errors}
        value={value}
        disabled={disabled || choices.length === 0}
        onChange={(e) => onChange(e.target.value)}
        options={choices}
      />
    );
  }
  if (field.kind === "checkboxes") {
    const chosen = new Set(value.split(" ").filter(Boolean));
    return (
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {(field.options ?? []).map((o) => (
            <label key={o.value} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                disabled={disabled}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  onChange((field.options ?? []).map((x) => x.value).filter((v) => next.has(v)).join(" "));
                }}
              />
              {o.label}
            </label>
          ))}
        </div>
        {field.help ? <p className="mt-1 text-xs text-slate-600">{field.help}</p> : null}
        {errors?.length ? <p className="text-sm text-red-700">{errors.join(" ")}</p> : null}
      </fieldset>
    );
  }
  if (field.kind === "textarea") {
    return <TextareaField className="sm:col-span-2" label={field.label} hint={field.help} errors={errors} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} rows={6} />;
  }
  return <TextField label={field.label} hint={field.help} errors={errors} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
}

function StepResultView({ runId, canRun, outcome }: { runId: string; canRun: boolean; outcome: StepOutcome }) {
  return (
    <div className="mt-4 space-y-3">
      <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "text-sm text-emerald-800" : "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"}>
        {outcome.message}
      </p>
      {outcome.providerError ? (
        <dl className="grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr]" aria-label="The provider’s error">
          <dt className="font-mono text-slate-700">error</dt>
          <dd className="font-mono">{outcome.providerError.error}</dd>
          {outcome.providerError.error_description ? (
            <>
              <dt className="font-mono text-slate-700">error_description</dt>
              <dd className="font-mono">{outcome.providerError.error_description}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {typeof outcome.data?.authorizeUrl === "string" && !outcome.data.missingRedirect ? (
        <div className="space-y-1 text-sm">
          <a href={outcome.data.authorizeUrl} target="_blank" rel="noopener noreferrer" className="font-medium">
            Open the authorization page<span className="sr-only"> (opens in a new tab)</span>
          </a>
          <code className="block break-all rounded bg-slate-50 p-2 text-xs" aria-label="Authorization URL">
            {outcome.data.authorizeUrl}
          </code>
        </div>
      ) : null}
      {outcome.facts?.length ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {outcome.facts.map(([label, value], i) => (
            <div key={i} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {outcome.tokens?.map((token) => <JwtPanel key={token.name} runId={runId} canReveal={canRun} report={token} />)}
      {outcome.kept?.filter((k) => !outcome.tokens?.some((t) => t.vaultName === k.name)).map((k) => <KeptTokenRow key={k.name} runId={runId} canReveal={canRun} kept={k} />)}
      {outcome.exchanges.map((exchange, i) => (
        <ExchangeView key={i} exchange={exchange} />
      ))}
    </div>
  );
}

function AddCallback({ runId, uri }: { runId: string; uri: string }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-3 space-y-2">
      <Button
        variant="secondary"
        disabled={pending || result?.ok === true}
        onClick={async () => {
          setPending(true);
          setResult(await addCallbackRedirectAction({ runId }));
          setPending(false);
        }}
      >
        Add {uri} to the allowlist
      </Button>
      <FormMessage result={result} />
    </div>
  );
}
