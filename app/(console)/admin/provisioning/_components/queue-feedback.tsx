"use client";

// The outcome of the latest queue action, announced above the table. A successful move usually
// takes its row out of the queue, and a refusal about a row that has since left it would
// otherwise vanish with the row: both are shown here. Refusals about a row still shown stay next
// to that row (QueueRowActions).
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage } from "@/components/form-message";

interface Outcome {
  rowId: string;
  subject: string;
  result: ActionResult;
}

const ReportContext = createContext<(outcome: Outcome) => void>(() => {});

export function useReportOutcome() {
  return useContext(ReportContext);
}

export function QueueFeedback({ rowIds, children }: { rowIds: string[]; children: React.ReactNode }) {
  const [last, setLast] = useState<Outcome | null>(null);
  const report = useCallback((outcome: Outcome) => setLast(outcome), []);
  const shown = useMemo(() => new Set(rowIds), [rowIds]);

  let message: { ok: boolean; error?: string; message?: string } | null = null;
  if (last?.result.ok) message = { ok: true, message: `${last.subject}: ${last.result.message ?? "Done."}` };
  else if (last && !last.result.ok && !shown.has(last.rowId)) {
    message = { ok: false, error: `${last.subject}: ${last.result.error}` };
  }

  return (
    <ReportContext.Provider value={report}>
      {/* Always in the page, so that screen readers announce what appears in it. */}
      <div aria-live="polite">
        {message ? (
          <div className="mb-4">
            <FormMessage result={message} />
          </div>
        ) : null}
      </div>
      {children}
    </ReportContext.Provider>
  );
}
