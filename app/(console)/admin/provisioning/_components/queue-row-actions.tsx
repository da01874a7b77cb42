"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";
import { ReasonDialog } from "../../../_components/reason-dialog";
import { moveQueuedServiceAction } from "../actions";
import type { QueueActionName } from "../_lib/queue-actions";
import { useReportOutcome } from "./queue-feedback";

export interface QueueRow {
  id: string;
  appId: string;
  appName: string;
  serviceId: string;
  serviceName: string;
  /** The AppService version this page shows: the move applies only if it is still current. */
  version: number;
}

export interface QueueAction {
  action: QueueActionName;
  label: string;
  noteRequired: boolean;
}

/** The moves that fit the row's status. Moves that need a reason ask for it in a dialog. */
export function QueueRowActions({ row, actions }: { row: QueueRow; actions: QueueAction[] }) {
  const report = useReportOutcome();
  const subject = `${row.serviceName} on ${row.appName}`;
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>(async (_prev, formData) => {
    const outcome = await moveQueuedServiceAction(formData);
    report({ rowId: row.id, subject, result: outcome });
    return outcome;
  }, null);

  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) =>
          a.noteRequired ? (
            <NoteDialog key={a.action} row={row} action={a} subject={subject} disabled={pending} />
          ) : (
            <form key={a.action} action={dispatch}>
              <MoveFields row={row} action={a.action} />
              <Button type="submit" disabled={pending}>
                {a.label}
                <span className="sr-only">: {subject}</span>
              </Button>
            </form>
          ),
        )}
      </div>
      {result && !result.ok ? <FormMessage result={result} /> : null}
    </div>
  );
}

function MoveFields({ row, action }: { row: QueueRow; action: QueueAction["action"] }) {
  return (
    <>
      <input type="hidden" name="appId" value={row.appId} />
      <input type="hidden" name="serviceId" value={row.serviceId} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
}

const DIALOG_TEXT: Partial<Record<QueueAction["action"], string>> = {
  reject: "The partner sees this reason and can fix the integration, then resubmit it for review.",
  remove: "The service leaves the app; its history stays. The partner sees this reason.",
};

function NoteDialog({ row, action, subject, disabled }: { row: QueueRow; action: QueueAction; subject: string; disabled: boolean }) {
  const report = useReportOutcome();
  return (
    <ReasonDialog
      trigger={
        <Button variant={action.action === "reject" ? "danger" : "secondary"} disabled={disabled}>
          {action.label}
          <span className="sr-only">: {subject}</span>
        </Button>
      }
      title={`${action.label}: ${subject}`}
      description={DIALOG_TEXT[action.action]}
      name="note"
      submitLabel={action.label}
      fields={<MoveFields row={row} action={action.action} />}
      submit={async (formData) => {
        const result = await moveQueuedServiceAction(formData);
        report({ rowId: row.id, subject, result });
        return result;
      }}
      alertOnReasonError
    />
  );
}
