// A step input of fixed choices: the select the page renders and the schema the step parses it
// with, from one list, so the two cannot disagree on the values.
import { z } from "zod";
import type { StepField } from "./flow";

/** `choices` maps each value to its label, in the order the select lists them. */
export function choiceField<const V extends string>(name: string, label: string, choices: Record<V, string>, initial: NoInfer<V>, message: string) {
  const values = Object.keys(choices) as [V, ...V[]];
  const field: StepField = { name, label, kind: "select", options: values.map((value) => ({ value, label: choices[value] })), initial };
  return { field, input: z.enum(values, { message }) };
}
