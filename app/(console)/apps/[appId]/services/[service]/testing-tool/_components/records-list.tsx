import { DateTime } from "@/components/date-time";
import type { graphqlTestingRecords } from "@/lib/data/indeed-graphql-testing";

type Records = NonNullable<Awaited<ReturnType<typeof graphqlTestingRecords>>>;
type SentRequest = Records["jobs"][number]["request"];

function RequestDetails({ request }: { request: SentRequest }) {
  if (!request) return <span className="text-slate-500">request no longer kept</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        {request.operationName ?? "anonymous operation"} · <DateTime value={request.createdAt} />
      </summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{request.query}</pre>
      {request.variables ? <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{request.variables}</pre> : null}
    </details>
  );
}

function Empty({ what }: { what: string }) {
  return <p className="text-sm text-slate-600">No {what} yet.</p>;
}

function identifier(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** What the app has sent to the simulated APIs, newest first. */
export function RecordsList({ records }: { records: Records }) {
  return (
    <section aria-labelledby="records-title" className="mt-8 space-y-6">
      <h2 id="records-title" className="text-lg font-semibold">
        What this app has sent
      </h2>
      <div>
        <h3 className="mb-2 font-medium">Jobs</h3>
        {records.jobs.length === 0 ? (
          <Empty what="jobs" />
        ) : (
          <table aria-label="Jobs" className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-3">Job</th>
                <th className="py-1 pr-3">Status</th>
                <th className="py-1 pr-3">sourcedPostingId</th>
                <th className="py-1">Sent by</th>
              </tr>
            </thead>
            <tbody>
              {records.jobs.map((job) => (
                <tr key={job.id} className="border-b align-top">
                  <td className="py-1 pr-3">
                    {job.title}
                    <div className="text-xs text-slate-600">
                      {job.jobPostingId} · {job.sourceName}
                    </div>
                  </td>
                  <td className="py-1 pr-3">
                    {job.status === "ACTIVE" ? "Active" : "Expired"}
                    {job.expiredAt ? (
                      <div className="text-xs text-slate-600">
                        <DateTime value={job.expiredAt} />
                      </div>
                    ) : null}
                  </td>
                  <td className="py-1 pr-3">
                    <code className="text-xs">{job.id}</code>
                  </td>
                  <td className="py-1">
                    <RequestDetails request={job.request} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3 className="mb-2 font-medium">Employers</h3>
        {records.employers.length === 0 ? (
          <Empty what="employers" />
        ) : (
          <table aria-label="Employers" className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-3">Employer</th>
                <th className="py-1 pr-3">{"{type, id}"}</th>
                <th className="py-1">Sent by</th>
              </tr>
            </thead>
            <tbody>
              {records.employers.map((e) => (
                <tr key={e.id} className="border-b align-top">
                  <td className="py-1 pr-3">{e.name}</td>
                  <td className="py-1 pr-3">
                    <code className="text-xs">
                      {e.type}, {e.externalId}
                    </code>
                  </td>
                  <td className="py-1">
                    <RequestDetails request={e.request} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3 className="mb-2 font-medium">Dispositions</h3>
        {records.dispositions.length === 0 ? (
          <Empty what="dispositions" />
        ) : (
          <table aria-label="Dispositions" className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-3">Identified by</th>
                <th className="py-1 pr-3">Status</th>
                <th className="py-1 pr-3">Result</th>
                <th className="py-1">Sent by</th>
              </tr>
            </thead>
            <tbody>
              {records.dispositions.map((d) => (
                <tr key={d.id} className="border-b align-top">
                  <td className="py-1 pr-3 break-all">{identifier(d.identifiedBy)}</td>
                  <td className="py-1 pr-3">{d.dispositionStatus}</td>
                  <td className="py-1 pr-3">{d.rationale ? `Failed: ${d.rationale}` : "Accepted"}</td>
                  <td className="py-1">
                    <RequestDetails request={d.request} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
