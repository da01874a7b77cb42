"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";
import { ReasonDialog } from "../../../_components/reason-dialog";
import { moveGrantReviewAction } from "../actions";

export interface ReviewRow {
  appId: string;
  appName: string;
  /** The review version this page shows: the move applies only if it is still current. */
  version: number;
}

function Fields({ row, move }: { row: ReviewRow; move: "approve" | "reject" }) {
  return (
    <>
      <input type="hidden" name="appId" value={row.appId} />
      <input type="hidden" name="move" value={move} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
}

/** Approve at once; reject with a reason, in a dialog. */
export function ReviewRowActions({ row }: { row: ReviewRow }) {
  const [result, dispatch, pending] = useActionState<ActionResult | null, FormData>((_prev, formData) => moveGrantReviewAction(formData), null);
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={dispatch}>
          <Fields row={row} move="approve" />
          <Button type="submit" disabled={pending}>
            Approve<span className="sr-only"> {row.appName}</span>
          </Button>
        </form>
        <RejectDialog row={row} disabled={pending} />
      </div>
      <FormMessage result={result} />
    </div>
  );
}

function RejectDialog({ row, disabled }: { row: ReviewRow; disabled: boolean }) {
  return (
    <ReasonDialog
      trigger={
        <Button variant="danger" disabled={disabled}>
          Reject<span className="sr-only"> {row.appName}</span>
        </Button>
      }
      title={`Reject: ${row.appName}`}
      description="The partner sees this reason on the Credentials tab and can resubmit."
      name="reason"
      submitLabel="Reject"
      fields={<Fields row={row} move="reject" />}
      submit={moveGrantReviewAction}
    />
  );
}
