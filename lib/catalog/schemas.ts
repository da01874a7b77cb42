// The service form's input: its schema (parsed once, by the server action; lib/data receives
// the output) and its field reader, used by the form to keep what was typed and by the action.
import { z } from "zod";
export { readServiceForm, type ServiceFormValues } from "./fields";
import { text } from "../plain-text";
import { PROVIDERS } from "../status";

const httpsUrl = z
  .url({ protocol: /^https?$/, message: "Enter a full http:// or https:// URL." })
  .max(2048, "At most 2,048 characters.");
const uuidList = z.array(z.uuid()).max(50).default([]);

export const serviceInput = z.object({
  name: text().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  slug: z
    .string()
    .trim()
    .min(1, "Enter an identifier.")
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. job-sync-api."),
  provider: z.enum(PROVIDERS, { message: "Choose a provider." }),
  description: text({ multiline: true }).trim().min(1, "Enter a description.").max(1000, "At most 1,000 characters."),
  reviewRequired: z.boolean(),
  documentationUrl: httpsUrl,
  testingToolUrl: z
    .union([z.literal(""), z.string().trim().regex(/^\/[\w\-/]*$/, "Enter a path on this site such as /token-tool, or a full URL."), httpsUrl])
    .optional()
    .transform((v) => (v ? v : null)),
  conflictsWith: uuidList,
  requires: uuidList,
  bundles: uuidList,
});
export type ServiceInput = z.input<typeof serviceInput>;
export type Service = z.output<typeof serviceInput>;
