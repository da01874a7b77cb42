import { clsx } from "clsx";
import { useId, type TextareaHTMLAttributes } from "react";

export function TextareaField({
  label,
  errors,
  hint,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; errors?: string[]; hint?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={clsx("rounded-md border bg-white px-3 py-2 text-sm shadow-sm", errors?.length ? "border-red-600" : "border-slate-300")}
        {...textarea}
      />
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
    </div>
  );
}
