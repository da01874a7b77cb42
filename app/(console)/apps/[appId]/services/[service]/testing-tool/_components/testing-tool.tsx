"use client";

// The testing tool's form: the example operations, the GraphQL editor (loaded only here), the
// variables, the employer the token represents, the target (this console's emulator, the real
// Indeed or a custom base URL, as the token tool's targets), and what came back: the response,
// both HTTP exchanges masked as the token tool shows them, and `Copy as curl`. Viewers see it
// but cannot send.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui/button";
import { Options } from "@/components/ui/select-field";
import type { ExampleOperation } from "@/lib/indeed-graphql-testing/examples";
import type { TestSendResult } from "@/lib/indeed-graphql-testing/send";
import { TARGET_KINDS, targetLabel } from "@/lib/token-tool/targets";
import { ExchangeView } from "@/app/(console)/token-tool/_components/exchange-view";
import { TargetFields, useTargetChoice } from "@/app/(console)/token-tool/_components/target-fields";
import { sendTestOperationAction } from "../actions";

const GraphqlEditor = dynamic(() => import("./graphql-editor"), {
  ssr: false,
  loading: () => <p className="rounded-md border border-slate-300 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/** The targets, with the real Indeed named by the host this tool reaches there. */
const TARGETS = TARGET_KINDS.map((kind) => ({ kind, label: kind === "provider" ? "Indeed (apis.indeed.com)" : targetLabel(kind, "indeed") }));

const CUSTOM_TARGET = {
  label: "Base URL",
  placeholder: "https://graphql.example.com",
  hint: "The token goes to <base>/oauth/v2/tokens and the operation to <base>/graphql, through the console’s outbound rules, with a deadline of a few seconds.",
};

function operationNameOf(query: string): string {
  return /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? "";
}

export function TestingTool({
  appId,
  service,
  sdl,
  examples,
  employers,
  canSend,
  blocked,
}: {
  appId: string;
  service: string;
  sdl: string;
  examples: ExampleOperation[];
  employers: { id: string; name: string }[];
  canSend: boolean;
  blocked: string | null;
}) {
  const router = useRouter();
  const [query, setQuery] = useState(examples[0]!.query);
  const [variables, setVariables] = useState(JSON.stringify(examples[0]!.variables, null, 2));
  const [employerId, setEmployerId] = useState("");
  const choice = useTargetChoice();
  const { target, baseUrl } = choice;
  const [result, setResult] = useState<TestSendResult | null>(null);
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string[]> }>({ fields: {} });
  const [pending, startTransition] = useTransition();

  function pickExample(example: ExampleOperation) {
    setQuery(example.query);
    setVariables(JSON.stringify(example.variables, null, 2));
  }

  function send() {
    startTransition(async () => {
      const answer = await sendTestOperationAction({ appId, service, query, variables, operationName: operationNameOf(query), employerId, target, baseUrl });
      if (answer.ok) {
        setResult(answer.data ?? null);
        setErrors({ fields: {} });
        router.refresh();
      } else {
        setErrors({ form: answer.error, fields: answer.fieldErrors ?? {} });
      }
    });
  }

  const variablesError = errors.fields.variables?.join(" ");
  const queryError = errors.fields.query?.join(" ");
  // Not provisioned: the emulator refuses, but a real or custom target decides for itself.
  const disabled = !canSend || (blocked !== null && target === "emulator") || pending;

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Example operations" className="flex flex-wrap gap-2">
        {examples.map((example) => (
          <Button key={example.label} variant="secondary" className="px-3 py-1.5" onClick={() => pickExample(example)}>
            {example.label}
          </Button>
        ))}
      </div>
      <div>
        <p id="operation-label" className="mb-1 text-sm font-medium">
          Operation
        </p>
        <GraphqlEditor sdl={sdl} value={query} onChange={setQuery} labelledBy="operation-label" />
        {queryError ? (
          <p id="operation-error" className="mt-1 text-sm text-red-700">
            {queryError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="variables" className="mb-1 block text-sm font-medium">
          Variables (JSON)
        </label>
        <textarea
          id="variables"
          value={variables}
          onChange={(e) => setVariables(e.target.value)}
          rows={10}
          spellCheck={false}
          aria-invalid={variablesError ? true : undefined}
          aria-describedby={variablesError ? "variables-error" : undefined}
          className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
        />
        {variablesError ? (
          <p id="variables-error" className="mt-1 text-sm text-red-700">
            {variablesError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="employer" className="mb-1 block text-sm font-medium">
          Token represents
        </label>
        <select
          id="employer"
          value={employerId}
          onChange={(e) => setEmployerId(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">The app itself (no employer)</option>
          <Options options={employers.map((e) => ({ value: e.id, label: `${e.name} (${e.id})` }))} />
        </select>
      </div>
      <TargetFields targets={TARGETS} choice={choice} baseUrlField={CUSTOM_TARGET} errors={errors.fields.baseUrl} />
      {blocked && target === "emulator" ? <p className="text-sm text-amber-900">{blocked}</p> : null}
      {!canSend ? <p className="text-sm text-slate-700">Viewers can read what the app has sent, but cannot send requests.</p> : null}
      {errors.form ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button onClick={send} disabled={disabled} aria-disabled={disabled}>
        {pending ? "Sending…" : "Send request"}
      </Button>
      {result ? (
        <section aria-label="Result" className="space-y-3">
          <p className="text-sm">
            Token from the secret “{result.secretLabel}”, {result.employerId ? `representing employer ${result.employerId}` : "for the app itself (no employer)"}; sent to {result.target}.
          </p>
          {result.graphql?.response ? (
            <>
              <h3 className="text-sm font-medium">Response (HTTP {result.graphql.response.status})</h3>
              <pre aria-label="Response body" className="max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">
                {result.graphql.response.body}
              </pre>
              <CopyButton value={result.graphql.curl} label="Copy as curl" />
            </>
          ) : (
            <p role="alert" className="text-sm text-red-700">
              {result.failure ?? "No answer came."}
            </p>
          )}
          {result.graphql ? <ExchangeView exchange={result.graphql} /> : null}
          <ExchangeView exchange={result.token} />
        </section>
      ) : null}
    </div>
  );
}
