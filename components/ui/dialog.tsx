"use client";

// An accessible modal dialog on the browser's own <dialog> element, opened with showModal():
// the rest of the page is inert (focus cannot leave, screen readers see only the dialog), Escape
// closes it, focus moves into it on opening and back where it was on closing, and it is
// labelled by its title and described by its description. Always controlled: the owner keeps
// `open` and hears every request to change it through `onOpenChange` (a trigger, a close
// button, Escape, a click on the backdrop). Nothing renders while closed, so every opening
// starts afresh. No library: the platform does the focus trapping (docs/decisions/035).
import { cloneElement, createContext, isValidElement, useContext, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { Button } from "./button";

interface DialogState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  titleId: string;
  descriptionId: string;
}

const DialogContext = createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = useContext(DialogContext);
  if (!state) throw new Error(`${part} must be inside a DialogRoot.`);
  return state;
}

export function DialogRoot({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <DialogContext.Provider value={{ open, onOpenChange, titleId: `${id}-title`, descriptionId: `${id}-description` }}>
      {children}
    </DialogContext.Provider>
  );
}

type ClickableElement = React.ReactElement<{ onClick?: (event: React.MouseEvent<HTMLElement>) => void }>;

/** Gives the one child element (a button) a click that also asks for `open`. */
function withClick(child: React.ReactNode, part: string, extra: Record<string, unknown>, open: () => void) {
  if (!isValidElement(child)) throw new Error(`${part} takes one element (asChild).`);
  const element = child as ClickableElement;
  return cloneElement(element, {
    ...extra,
    onClick: (event: React.MouseEvent<HTMLElement>) => {
      element.props.onClick?.(event);
      if (!event.defaultPrevented) open();
    },
  });
}

/** The button that opens the dialog: its one child, given the click and the ARIA state. */
export function DialogTrigger({ children }: { asChild?: true; children: React.ReactNode }) {
  const { open, onOpenChange } = useDialog("DialogTrigger");
  return withClick(children, "DialogTrigger", { "aria-haspopup": "dialog", "aria-expanded": open }, () => onOpenChange(true));
}

/** A button that closes the dialog (Cancel): its one child, given the click. */
export function DialogClose({ children }: { asChild?: true; children: React.ReactNode }) {
  const { onOpenChange } = useDialog("DialogClose");
  return withClick(children, "DialogClose", {}, () => onOpenChange(false));
}

export function DialogContent({
  title,
  description,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { open, onOpenChange, titleId, descriptionId } = useDialog("DialogContent");
  if (!open) return null;
  return (
    <ModalDialog titleId={titleId} descriptionId={description ? descriptionId : undefined} onClose={() => onOpenChange(false)}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="mt-1 text-sm text-slate-600">
          {description}
        </div>
      ) : null}
      <div className="mt-4">{children}</div>
      <button
        type="button"
        className="absolute right-3 top-3 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        aria-label="Close"
        onClick={() => onOpenChange(false)}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </ModalDialog>
  );
}

function ModalDialog({
  titleId,
  descriptionId,
  onClose,
  children,
}: {
  titleId: string;
  descriptionId: string | undefined;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Where focus goes back to: the trigger, or whatever had it when the dialog opened.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Escape: the owner decides (it may be saving), and closes by unmounting us.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    // A click on the backdrop lands on the <dialog> itself, outside its padded content box.
    const onClick = (event: MouseEvent) => {
      if (event.target !== dialog) return;
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) close.current();
    };
    // The browser may close it itself (a second Escape without a click in between): follow it.
    const onNativeClose = () => close.current();
    dialog.addEventListener("cancel", onCancel);
    dialog.addEventListener("click", onClick);
    dialog.addEventListener("close", onNativeClose);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      dialog.removeEventListener("click", onClick);
      dialog.removeEventListener("close", onNativeClose);
      dialog.close();
      // Only if nothing else took focus meanwhile (an owner moving it on purpose).
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
    };
  }, []);

  // In <body>, like any modal, so no ancestor's layout or form wraps it.
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className="fixed left-1/2 top-1/2 z-50 m-0 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40 focus:outline-none"
    >
      {children}
    </dialog>,
    document.body,
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
