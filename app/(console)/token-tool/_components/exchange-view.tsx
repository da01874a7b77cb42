// One recorded exchange, as saved: masked request and response, duration, and `Copy as curl`
// (secrets as shell variables). Rendered as a disclosure so a long run stays readable.
import { CopyButton } from "@/components/copy-button";
import type { Exchange } from "@/lib/token-tool/exchange";

function Headers({ headers }: { headers: [string, string][] }) {
  return (
    <>
      {headers.map(([name, value], i) => (
        <span key={i} className="block">
          <span className="text-slate-600">{name}:</span> {value}
        </span>
      ))}
    </>
  );
}

export function ExchangeView({ exchange }: { exchange: Exchange & { curl: string } }) {
  const { request, response } = exchange;
  const summary = `${exchange.label ?? "Request"}: ${request.method} ${request.url} → ${response ? `HTTP ${response.status}` : (exchange.failure?.message ?? "no answer")} (${exchange.durationMs} ms)`;
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50">
      <summary className="cursor-pointer px-3 py-2 text-sm break-all">{summary}</summary>
      <div className="grid gap-3 border-t border-slate-200 p-3 text-xs lg:grid-cols-2">
        <section aria-label={`${exchange.label ?? "Request"}: request`}>
          <h4 className="mb-1 text-sm font-semibold">Request</h4>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono">
            <span className="block font-semibold">
              {request.method} {request.url}
            </span>
            <Headers headers={request.headers} />
            {request.body ? `\n${request.body}` : null}
          </pre>
          <div className="mt-2">
            <CopyButton value={exchange.curl} label="as curl" />
          </div>
        </section>
        <section aria-label={`${exchange.label ?? "Request"}: response`}>
          <h4 className="mb-1 text-sm font-semibold">Response{response ? ` · HTTP ${response.status}` : ""} · {exchange.durationMs} ms</h4>
          {response ? (
            <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono">
              <Headers headers={response.headers} />
              {response.body ? `\n${response.body}` : null}
            </pre>
          ) : (
            <p className="text-sm text-red-800">{exchange.failure?.message ?? "No answer."}</p>
          )}
        </section>
      </div>
    </details>
  );
}
