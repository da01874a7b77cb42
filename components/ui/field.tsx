import { clsx } from "clsx";
import type { InputHTMLAttributes } from "react";
import { FieldShell, useFieldIds } from "./field-shell";

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function TextField({
  label,
  errors,
  hint,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; hint?: string }) {
  const field = useFieldIds(hint, errors);
  return (
    <FieldShell id={field.id} label={label} hint={hint} errors={errors} className={className}>
      <input {...field.control} className={clsx("rounded-md border bg-white px-3 py-2 text-sm shadow-sm", field.border)} {...input} />
    </FieldShell>
  );
}
