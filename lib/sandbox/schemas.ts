// The sandbox admin forms' inputs: their schemas (parsed once, by the server action; lib/data
// receives the output) and their field readers, used by the forms to keep what was typed and by
// the actions.
import { z } from "zod";
export { readAccountForm, readEmployerForm, type AccountFormValues } from "./fields";
import { text } from "../plain-text";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/password-limits";
import { normalizeEmail } from "../email";

export const EMPLOYER_ID = /^[0-9a-f]{32}$/;

const employerIds = z
  .array(z.string().regex(EMPLOYER_ID, "Choose employers from the list."))
  .max(100, "At most 100 employers.")
  .default([]);

const accountFields = {
  email: text({ shown: true })
    .trim()
    .min(1, "Enter an email address.")
    .max(320, "At most 320 characters.")
    .transform(normalizeEmail)
    .pipe(z.email({ message: "Enter a valid email address." })),
  name: text({ shown: true }).trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  partnerId: z
    .union([z.literal(""), z.uuid({ message: "Choose a partner from the list." })])
    .transform((v) => (v === "" ? null : v)),
  registrant: z.boolean(),
  employerIds,
};

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters.`);

function registrantNeedsPartner<T extends { registrant: boolean; partnerId: string | null }>(schema: z.ZodType<T>) {
  return schema.refine((v) => !v.registrant || v.partnerId !== null, {
    message: "Choose the partner whose apps this account registered.",
    path: ["registrant"],
  });
}

export const newSandboxAccountInput = registrantNeedsPartner(z.object({ ...accountFields, password }));
/** On edit an empty password keeps the current one. */
export const sandboxAccountUpdateInput = registrantNeedsPartner(
  z.object({ ...accountFields, password: z.union([z.literal(""), password]).transform((v) => (v === "" ? null : v)) }),
);
export type SandboxAccountInput = z.input<typeof newSandboxAccountInput>;
export type NewSandboxAccount = z.output<typeof newSandboxAccountInput>;
export type SandboxAccountUpdate = z.output<typeof sandboxAccountUpdateInput>;

export const employerInput = z.object({
  name: text().trim().min(1, "Enter a name.").max(200, "At most 200 characters."),
  /** Optional: Indeed-shaped ids are generated, or given to match an id used elsewhere. */
  id: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === "" || EMPLOYER_ID.test(v), "An employer id is 32 hexadecimal characters.")
    .default(""),
});
export type EmployerInput = z.input<typeof employerInput>;
export type NewEmployer = z.output<typeof employerInput>;
