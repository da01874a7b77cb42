import { clsx } from "clsx";
import { useId } from "react";

/** Ids and aria attributes for a labelled control with an optional hint and errors. */
export function useFieldIds(hint?: React.ReactNode, errors?: string[]) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    id,
    control: { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy },
    border: errors?.length ? "border-red-600" : "border-slate-300",
  };
}

/** The label above a control, its hint and its errors below (tied to it with aria-describedby). */
export function FieldShell({
  id,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={clsx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A control's hint and errors, with the ids useFieldIds points aria-describedby at. */
export function FieldNotes({ id, hint, errors }: { id: string; hint?: React.ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
