"use client";

// An accessible modal dialog (Radix: focus trap, Escape, aria-modal, labelled by its title).
import { Dialog as Primitive } from "radix-ui";
import { Button } from "./button";

export const DialogRoot = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

export function DialogContent({
  title,
  description,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <Primitive.Content
        className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
        {description ? (
          <Primitive.Description className="mt-1 text-sm text-slate-600">{description}</Primitive.Description>
        ) : null}
        <div className="mt-4">{children}</div>
        <Primitive.Close
          className="absolute right-3 top-3 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          aria-label="Close"
        >
          <span aria-hidden="true">✕</span>
        </Primitive.Close>
      </Primitive.Content>
    </Primitive.Portal>
  );
}

/**
 * A dialog's buttons: Cancel, which closes it, and the one that does what the dialog is for (a
 * submit button unless it has its own `onClick`), disabled and relabelled while that is sent.
 */
export function DialogActions({
  label,
  pendingLabel,
  pending,
  disabled = false,
  variant = "primary",
  onClick,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  variant?: "primary" | "danger";
  onClick?: () => void;
}) {
  const off = pending || disabled;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type={onClick ? "button" : "submit"} variant={variant} onClick={onClick} disabled={off} aria-disabled={off}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
