import type { ReactNode, SelectHTMLAttributes } from "react";
import { LabelledField, splitFieldProps, type FieldProps } from "./field-shell";

/** One choice of a select: the value it sends and what it shows. */
export interface SelectOption {
  value: string;
  label: ReactNode;
}

/** Rows with an id and a name as choices: the id is sent, the name shown. */
export function namedOptions(rows: readonly { id: string; name: string }[]): SelectOption[] {
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

/** Values with a label each (a `…_LABELS` table) as choices, in the order of `values`. */
export function labelledOptions<K extends string>(values: readonly K[], labels: Record<K, string>): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** The `<option>`s of a select, for a select that is not a `SelectField`. */
export function Options({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/**
 * A labelled select. `emptyOption` is shown first with an empty value (none chosen, or all);
 * `options` follow whatever `children` the select is given.
 */
export function SelectField({
  emptyOption,
  options = [],
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { emptyOption?: string; options?: readonly SelectOption[] }) {
  const [field, select] = splitFieldProps(props);
  return (
    <LabelledField {...field}>
      {(control) => (
        <select {...control} {...select}>
          {emptyOption === undefined ? null : <option value="">{emptyOption}</option>}
          {children}
          <Options options={options} />
        </select>
      )}
    </LabelledField>
  );
}
