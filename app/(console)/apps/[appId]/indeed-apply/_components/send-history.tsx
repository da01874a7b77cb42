import { DateTime } from "@/components/date-time";
import type { TestSendRow } from "@/lib/data/indeed-apply-tests";
import { SendDetails } from "./send-details";
import { Card } from "@/components/ui/card";

const KIND_LABELS: Record<string, string> = { signed: "Signed", repeat: "Sent again", forged: "Wrong signature" };

/** Every send of this app, newest first: who, where, what, and what came back. */
export function SendHistory({ rows }: { rows: TestSendRow[] }) {
  return (
    <Card id="history-heading" title="Sent applications" className="mt-6">
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No test application has been sent for this app yet.</p>
      ) : (
        <ol aria-label="Sent applications" className="mt-3 divide-y divide-slate-200">
          {rows.map((row) => (
            <li key={row.id} className="py-3">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{row.outcomeLabel}</span>
                  {row.status !== null ? ` · HTTP ${row.status}` : ""} · {row.durationMs} ms · {KIND_LABELS[row.kind] ?? row.kind} ·{" "}
                  {row.sampleLabel}
                  <span className="block text-xs text-slate-600">
                    <DateTime value={row.createdAt} />
                    {row.actor ? ` by ${row.actor}` : ""} · <code className="break-all">{row.url}</code>
                  </span>
                </summary>
                <p className="mt-2 text-sm text-slate-700">{row.message}</p>
                <SendDetails send={row} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
