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

/** One kind of record: its table with a "Sent by" column last, or a line saying there is none yet. */
function RecordTable({ title, columns, count, children }: { title: string; columns: string[]; count: number; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-2 font-medium">{title}</h3>
      {count === 0 ? (
        <p className="text-sm text-slate-600">No {title.toLowerCase()} yet.</p>
      ) : (
        <table aria-label={title} className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              {columns.map((c) => (
                <th key={c} className="py-1 pr-3">
                  {c}
                </th>
              ))}
              <th className="py-1">Sent by</th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </div>
  );
}

/** The last cell of a record's row: the request that sent it. */
function SentBy({ request }: { request: SentRequest }) {
  return (
    <td className="py-1">
      <RequestDetails request={request} />
    </td>
  );
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
      <RecordTable title="Jobs" columns={["Job", "Status", "sourcedPostingId"]} count={records.jobs.length}>
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
            <SentBy request={job.request} />
          </tr>
        ))}
      </RecordTable>
      <RecordTable title="Employers" columns={["Employer", "{type, id}"]} count={records.employers.length}>
        {records.employers.map((e) => (
          <tr key={e.id} className="border-b align-top">
            <td className="py-1 pr-3">{e.name}</td>
            <td className="py-1 pr-3">
              <code className="text-xs">
                {e.type}, {e.externalId}
              </code>
            </td>
            <SentBy request={e.request} />
          </tr>
        ))}
      </RecordTable>
      <RecordTable title="Dispositions" columns={["Identified by", "Status", "Result"]} count={records.dispositions.length}>
        {records.dispositions.map((d) => (
          <tr key={d.id} className="border-b align-top">
            <td className="py-1 pr-3 break-all">{identifier(d.identifiedBy)}</td>
            <td className="py-1 pr-3">{d.dispositionStatus}</td>
            <td className="py-1 pr-3">{d.rationale ? `Failed: ${d.rationale}` : "Accepted"}</td>
            <SentBy request={d.request} />
          </tr>
        ))}
      </RecordTable>
    </section>
  );
}
