import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldNotes, useFieldIds } from "./field-shell";

const BOX = "size-4 rounded border-slate-300 accent-brand-600";

/** A checkbox with its label beside it; the hint and errors below are tied to it with aria-describedby. */
export function CheckboxField({
  label,
  hint,
  errors,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string; errors?: string[] }) {
  const field = useFieldIds(hint, errors);
  return (
    <div className={clsx("flex gap-3", className)}>
      <input {...field.control} type="checkbox" className={clsx("mt-0.5", BOX)} {...input} />
      <div className="flex flex-col gap-1">
        <label htmlFor={field.id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <FieldNotes id={field.id} hint={hint} errors={errors} />
      </div>
    </div>
  );
}

/**
 * A group of checkboxes under a legend. The hint and errors describe the group; after a refusal,
 * `data-invalid` lets a form take the keyboard to the group's first box.
 */
export function CheckboxGroupField({
  legend,
  hint,
  errors,
  children,
}: {
  legend: string;
  hint: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  const field = useFieldIds(hint, errors);
  return (
    <fieldset
      aria-describedby={field.control["aria-describedby"]}
      data-invalid={errors?.length ? true : undefined}
      className={clsx("rounded-md border px-4 pb-3 pt-2", field.border)}
    >
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      <p id={`${field.id}-hint`} className="mb-2 text-xs text-slate-600">
        {hint}
      </p>
      {children}
      {errors?.length ? (
        <p id={`${field.id}-error`} className="mt-2 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One box of a CheckboxGroupField, labelled by what follows it. */
export function CheckboxOption({
  children,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" className={BOX} {...input} />
      {children}
    </label>
  );
}

/**
 * The boxes of a CheckboxGroupField, one per option, checked where `selected` has its value;
 * `empty` says why there are none. In two columns from small screens on, or in one (`column`).
 */
export function CheckboxOptions({
  name,
  options,
  selected,
  empty,
  column = false,
}: {
  name: string;
  options: readonly { value: string; label: ReactNode }[];
  selected: readonly string[];
  empty?: string;
  column?: boolean;
}) {
  if (options.length === 0 && empty) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className={column ? "flex flex-col gap-1.5" : "grid gap-x-4 gap-y-1.5 sm:grid-cols-2"}>
      {options.map((o) => (
        <li key={o.value}>
          <CheckboxOption name={name} value={o.value} defaultChecked={selected.includes(o.value)}>
            {o.label}
          </CheckboxOption>
        </li>
      ))}
    </ul>
  );
}
