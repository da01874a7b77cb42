import { clsx } from "clsx";
import type { TestSendRow } from "@/lib/data/indeed-apply-tests";

/** One send as it went over the wire: the request (never the secret) and the answer. */
export function SendDetails({ send }: { send: TestSendRow }) {
  const requestText = [
    `POST ${send.url}`,
    "Content-Type: application/json; charset=utf-8",
    `X-Indeed-Signature: ${send.signature}`,
    "",
    send.requestBody,
  ].join("\n");
  return (
    <div className="mt-3 grid gap-4 lg:grid-cols-2">
      <div>
        <h4 className="text-sm font-semibold text-slate-900">Request</h4>
        <pre aria-label="Request sent" className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-3 text-xs">
          {requestText}
        </pre>
      </div>
      <div>
        <h4 className="text-sm font-semibold text-slate-900">Response</h4>
        {send.status === null ? (
          <p className="mt-1 text-sm text-slate-700">No response: {send.message}</p>
        ) : (
          <pre aria-label="Response received" className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-3 text-xs">
            {[`HTTP ${send.status}`, ...send.responseHeaders.map(([n, v]) => `${n}: ${v}`), "", send.responseBody ?? ""].join("\n")}
            {send.responseTruncated ? "\n… (cut at 64 KiB)" : ""}
          </pre>
        )}
      </div>
    </div>
  );
}

/** The verdict line: what the answer means, and whether that is what a correct endpoint does. */
export function SendVerdict({ send }: { send: TestSendRow }) {
  return (
    <div
      role="status"
      className={clsx(
        "rounded-md border px-3 py-2 text-sm",
        send.expected ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900",
      )}
    >
      <p className="font-semibold">
        {send.outcomeLabel}
        {send.status !== null ? ` · HTTP ${send.status}` : ""} · {send.durationMs} ms
      </p>
      <p>{send.message}</p>
    </div>
  );
}
