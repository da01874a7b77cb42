// The Integration health panel: the latest requests to the SEEK emulator with this app's
// credentials, failures first in the summary, and whether each carried SEEK's tracing headers.
import { DateTime } from "@/components/date-time";
import { SEEK_ENVIRONMENT_LABELS } from "@/lib/credentials/seek";
import type { SeekIntegrationHealth } from "@/lib/data/seek-health";
import { Card } from "@/components/ui/card";

const ENDPOINTS = {
  PARTNER_TOKEN: "Partner token",
  BROWSER_TOKEN: "Browser token",
  GRAPHQL: "GraphQL",
} as const;

function share(part: number, total: number) {
  return total === 0 ? "–" : `${part} of ${total}`;
}

export function IntegrationHealth({ health }: { health: SeekIntegrationHealth }) {
  const { summary, requests } = health;
  const missingHeaders = summary.total > 0 && (summary.withUserAgent < summary.total || summary.withRequestId < summary.total || summary.withSessionId < summary.total);
  return (
    <Card id="seek-health-heading" title="Integration health">
      {summary.total === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No requests yet. Requests to the partner token, browser token and GraphQL endpoints with these credentials appear here.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">The latest {summary.total} requests with this app’s credentials.</p>
          <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-600">Failed</dt>
              <dd className={summary.failed ? "font-medium text-red-700" : ""}>{share(summary.failed, summary.total)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">With User-Agent</dt>
              <dd>{share(summary.withUserAgent, summary.total)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">With X-Request-Id</dt>
              <dd>{share(summary.withRequestId, summary.total)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">With X-Session-Id</dt>
              <dd>{share(summary.withSessionId, summary.total)}</dd>
            </div>
          </dl>
          {missingHeaders ? (
            <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Some requests lack tracing headers. SEEK asks for a User-Agent naming your software and its version, an X-Request-Id
              (a UUID per request) and an X-Session-Id (a UUID per user interaction), so requests can be traced when something goes
              wrong.
            </p>
          ) : null}
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Latest requests</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">Time</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Endpoint</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Environment</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Outcome</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Tracing headers</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => {
                  const failed = r.errorCode !== null || r.httpStatus >= 400;
                  const headers = [r.userAgent ? null : "User-Agent", r.xRequestId ? null : "X-Request-Id", r.xSessionId ? null : "X-Session-Id"].filter(Boolean);
                  return (
                    <tr key={r.id} className="border-t border-slate-100 align-top">
                      <td className="py-1.5 pr-3 whitespace-nowrap">
                        <DateTime value={r.createdAt} />
                      </td>
                      <td className="py-1.5 pr-3">
                        {ENDPOINTS[r.endpoint]}
                        {r.operationName ? <span className="block text-xs text-slate-600">{r.operationName}</span> : null}
                      </td>
                      <td className="py-1.5 pr-3">{r.environment ? SEEK_ENVIRONMENT_LABELS[r.environment] : "Unknown"}</td>
                      <td className={failed ? "py-1.5 pr-3 text-red-700" : "py-1.5 pr-3 text-emerald-800"}>
                        {failed ? (
                          <>
                            {r.httpStatus} {r.errorCode ?? "error"}
                            {r.errorMessage ? <span className="block text-xs text-slate-700">{r.errorMessage}</span> : null}
                          </>
                        ) : (
                          `${r.httpStatus} OK`
                        )}
                      </td>
                      <td className="py-1.5 pr-3 text-xs">
                        {headers.length === 0 ? "All sent" : <span className="text-amber-900">Missing {headers.join(", ")}</span>}
                        {r.userAgent ? <span className="block break-all text-slate-600">{r.userAgent}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
