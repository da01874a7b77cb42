"use client";

// The testing tool's form: the example operations, the GraphQL editor (loaded only here), the
// variables, the employer the token represents, and what came back: the response, both HTTP
// exchanges and `Copy as curl`. Viewers see it but cannot send.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui/button";
import type { ExampleOperation } from "@/lib/indeed-graphql-testing/examples";
import type { Exchange, TestSendResult } from "@/lib/indeed-graphql-testing/send";
import { sendTestOperationAction } from "../actions";

const GraphqlEditor = dynamic(() => import("./graphql-editor"), {
  ssr: false,
  loading: () => <p className="rounded-md border border-slate-300 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

function operationNameOf(query: string): string {
  return /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? "";
}

function ExchangeView({ title, exchange }: { title: string; exchange: Exchange }) {
  const request = [
    `${exchange.request.method} ${exchange.request.url}`,
    ...exchange.request.headers.map(([k, v]) => `${k}: ${v}`),
    "",
    exchange.request.body,
  ].join("\n");
  const response = [`HTTP ${exchange.response.status}`, ...exchange.response.headers.map(([k, v]) => `${k}: ${v}`), "", exchange.response.body].join(
    "\n",
  );
  return (
    <details className="rounded-md border border-slate-200 p-2">
      <summary className="cursor-pointer text-sm font-medium">{title}</summary>
      <pre aria-label={`${title}: request`} className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
        {request}
      </pre>
      <pre aria-label={`${title}: response`} className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
        {response}
      </pre>
    </details>
  );
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
  const [result, setResult] = useState<TestSendResult | null>(null);
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string[]> }>({ fields: {} });
  const [pending, startTransition] = useTransition();

  function pickExample(example: ExampleOperation) {
    setQuery(example.query);
    setVariables(JSON.stringify(example.variables, null, 2));
  }

  function send() {
    startTransition(async () => {
      const answer = await sendTestOperationAction({ appId, service, query, variables, operationName: operationNameOf(query), employerId });
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
  const disabled = !canSend || blocked !== null || pending;

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
          {employers.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.id})
            </option>
          ))}
        </select>
      </div>
      {blocked ? <p className="text-sm text-amber-900">{blocked}</p> : null}
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
            Token from the secret “{result.secretLabel}”, {result.employerId ? `representing employer ${result.employerId}` : "for the app itself (no employer)"}.
          </p>
          {result.graphql ? (
            <>
              <h3 className="text-sm font-medium">Response (HTTP {result.graphql.response.status})</h3>
              <pre aria-label="Response body" className="max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">
                {result.graphql.response.body}
              </pre>
              {result.curl ? <CopyButton value={result.curl} label="Copy as curl" /> : null}
              <ExchangeView title="GraphQL request" exchange={result.graphql} />
            </>
          ) : (
            <p role="alert" className="text-sm text-red-700">
              The token request failed (HTTP {result.token.response.status}); see its exchange below.
            </p>
          )}
          <ExchangeView title="Token request" exchange={result.token} />
        </section>
      ) : null}
    </div>
  );
}
