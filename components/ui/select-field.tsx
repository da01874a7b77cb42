import { clsx } from "clsx";
import type { SelectHTMLAttributes } from "react";
import { FieldShell, useFieldIds } from "./field-shell";

export function SelectField({
  label,
  errors,
  hint,
  className,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; errors?: string[]; hint?: string }) {
  const field = useFieldIds(hint, errors);
  return (
    <FieldShell id={field.id} label={label} hint={hint} errors={errors} className={className}>
      <select {...field.control} className={clsx("rounded-md border bg-white px-3 py-2 text-sm shadow-sm", field.border)} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}
