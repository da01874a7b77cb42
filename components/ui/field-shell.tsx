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

/** What every labelled field takes besides its control's own attributes. */
export interface FieldProps {
  label: string;
  errors?: string[];
  hint?: string;
  className?: string;
}

/** A field's own props apart from its control's attributes. */
export function splitFieldProps<T extends FieldProps>({ label, errors, hint, className, ...control }: T) {
  return [{ label, errors, hint, className }, control] as const;
}

const CONTROL = "rounded-md border bg-white px-3 py-2 text-sm shadow-sm";

/**
 * A labelled control (input, select, textarea): `children` renders it with the id, aria
 * attributes and class it is given, so its errors are announced and tied to it.
 */
export function LabelledField({
  label,
  errors,
  hint,
  className,
  children,
}: FieldProps & {
  children: (control: ReturnType<typeof useFieldIds>["control"] & { className: string }) => React.ReactNode;
}) {
  const field = useFieldIds(hint, errors);
  return (
    <FieldShell id={field.id} label={label} hint={hint} errors={errors} className={className}>
      {children({ ...field.control, className: clsx(CONTROL, field.border) })}
    </FieldShell>
  );
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
