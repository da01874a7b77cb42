import type { InputHTMLAttributes } from "react";
import { LabelledField, splitFieldProps, type FieldProps } from "./field-shell";

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function TextField(props: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const [field, input] = splitFieldProps(props);
  return <LabelledField {...field}>{(control) => <input {...control} {...input} />}</LabelledField>;
}
