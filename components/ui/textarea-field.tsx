import { clsx } from "clsx";
import type { TextareaHTMLAttributes } from "react";
import { FieldShell, useFieldIds } from "./field-shell";

export function TextareaField({
  label,
  errors,
  hint,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; errors?: string[]; hint?: string }) {
  const field = useFieldIds(hint, errors);
  return (
    <FieldShell id={field.id} label={label} hint={hint} errors={errors} className={className}>
      <textarea
        rows={3}
        {...field.control}
        className={clsx("rounded-md border bg-white px-3 py-2 text-sm shadow-sm", field.border)}
        {...textarea}
      />
    </FieldShell>
  );
}
