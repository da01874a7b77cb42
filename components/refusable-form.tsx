import Link from "next/link";
import type { ReactNode, RefObject } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/form-message";

/**
 * The frame of a `useRefusableForm` form: the refusal's message, the fields keyed by attempt (so
 * they start again from what was submitted), and Submit and Cancel. `hidden` names the row an
 * edit form changes. `formRef` and `form` are what `useRefusableForm` returns.
 */
type FrameProps = Parameters<typeof RefusableForm>[0];

/**
 * An admin entry's form, in the frame of `RefusableForm`: with `id` it saves the entry that id
 * names ("Save changes"), without it adds one (`addLabel`).
 */
export function EntryForm({
  id,
  addLabel,
  ...frame
}: Omit<FrameProps, "className" | "hidden" | "submitLabel" | "pendingLabel"> & { id?: FrameProps["hidden"]; addLabel: string }) {
  return (
    <RefusableForm {...frame} className="flex max-w-2xl flex-col gap-5" hidden={id} submitLabel={id ? "Save changes" : addLabel} pendingLabel="Saving…" />
  );
}

export function RefusableForm({
  formRef,
  form,
  className,
  hidden,
  submitLabel,
  pendingLabel,
  cancelHref,
  children,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  form: { dispatch: (formData: FormData) => void; result: ActionResult | null; attempt: number; pending: boolean };
  className: string;
  hidden?: { name: string; value: string };
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} action={form.dispatch} noValidate className={className}>
      {hidden ? <input type="hidden" name={hidden.name} value={hidden.value} /> : null}
      <FormMessage result={form.result} />
      <div key={form.attempt} className="flex flex-col gap-5">
        {children}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? pendingLabel : submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
