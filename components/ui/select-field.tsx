import type { SelectHTMLAttributes } from "react";
import { LabelledField, splitFieldProps, type FieldProps } from "./field-shell";

export function SelectField(props: SelectHTMLAttributes<HTMLSelectElement> & FieldProps) {
  const [field, select] = splitFieldProps(props);
  return <LabelledField {...field}>{(control) => <select {...control} {...select} />}</LabelledField>;
}
