import type { TextareaHTMLAttributes } from "react";
import { LabelledField, splitFieldProps, type FieldProps } from "./field-shell";

export function TextareaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const [field, textarea] = splitFieldProps(props);
  return <LabelledField {...field}>{(control) => <textarea rows={3} {...control} {...textarea} />}</LabelledField>;
}
