// Inputs of the credential forms, shared by the forms (limits, messages, field readers) and the
// server actions, which parse them once: lib/data receives the parsed value (decision 017).
import { z } from "zod";
import { GRANT_TYPES, type GrantTypeName } from "./fields";
export { GRANT_TYPE_LABELS, GRANT_TYPES, PARTNER_INFO_LABELS, readNewAppForm, type GrantTypeName, type NewAppFormValues } from "./fields";
import { text } from "../plain-text";
import { PROVIDERS } from "../status";
import { MAX_SECRET_LIFETIME_DAYS, SECRET_LABEL_MAX_LENGTH } from "./secrets";

const DAY = 24 * 60 * 60 * 1000;

/** A public https:// URL for people to open (homepage, privacy policy), shown on the consent screen. */
const publicUrl = (what: string) =>
  text({ shown: true })
    .trim()
    .max(2048, "At most 2,048 characters.")
    .refine((v) => {
      if (v === "") return true;
      try {
        const url = new URL(v);
        return url.protocol === "https:" && v.toLowerCase().startsWith("https://") && url.hostname.includes(".") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, `Enter the full https:// address of your ${what}, e.g. https://example.com.`)
    .transform((v) => v || null);

export const partnerInfoInput = z.object({
  companyName: text({ shown: true })
    .trim()
    .max(100, "At most 100 characters.")
    .transform((v) => v || null),
  homepageUrl: publicUrl("homepage"),
  supportEmail: text({ shown: true })
    .trim()
    .max(254, "At most 254 characters.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address, e.g. support@example.com.")
    .transform((v) => v || null),
  privacyPolicyUrl: publicUrl("privacy policy"),
});
export type PartnerInfoInput = z.input<typeof partnerInfoInput>;
export type PartnerInfo = z.output<typeof partnerInfoInput>;

export const secretInput = z.object({
  label: text()
    .trim()
    .min(1, "Enter a label, e.g. “Production server”.")
    .max(SECRET_LABEL_MAX_LENGTH, `At most ${SECRET_LABEL_MAX_LENGTH} characters.`),
  /** A calendar day (YYYY-MM-DD): the secret stops working at 00:00 UTC that day. */
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const date = match ? new Date(`${v}T00:00:00.000Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: "custom", message: "Enter a date, e.g. 2027-06-30." });
        return z.NEVER;
      }
      const now = Date.now();
      if (date.getTime() <= now) {
        ctx.addIssue({ code: "custom", message: "Choose a day after today." });
        return z.NEVER;
      }
      if (date.getTime() > now + MAX_SECRET_LIFETIME_DAYS * DAY) {
        ctx.addIssue({ code: "custom", message: "Choose a day within the next three years." });
        return z.NEVER;
      }
      return date;
    }),
});
export type SecretInput = z.input<typeof secretInput>;
export type Secret = z.output<typeof secretInput>;

/** An admin creates an app for a partner, with its credentials (Indeed configures apps). */
export const newAppInput = z
  .object({
    partnerId: z.uuid({ message: "Choose a partner." }),
    name: text({ shown: true })
      .trim()
      .min(1, "Enter a name, e.g. AceRecruitersApp-dev.")
      .max(100, "At most 100 characters."),
    description: text({ multiline: true }).trim().max(1000, "At most 1,000 characters."),
    provider: z.enum(PROVIDERS, { message: "Choose a provider." }),
    credentialType: z.enum(["OAUTH2", "INDEED_APPLY"], { message: "Choose a credential type." }),
    isPublic: z.boolean(),
    grantTypes: z.array(z.enum(GRANT_TYPES, { message: "Unknown grant type." })).max(2),
  })
  .superRefine((input, ctx) => {
    if (input.credentialType === "INDEED_APPLY") {
      if (input.provider !== "INDEED") {
        ctx.addIssue({ code: "custom", path: ["credentialType"], message: "Indeed Apply credentials exist for Indeed apps only." });
      }
      return;
    }
    // A SEEK app gets no OAuth client here: its owners issue SEEK credentials per environment.
    if (input.provider === "SEEK") return;
    if (input.grantTypes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["grantTypes"], message: "Choose at least one grant type." });
    }
    if (input.isPublic && input.grantTypes.includes("CLIENT_CREDENTIALS")) {
      ctx.addIssue({
        code: "custom",
        path: ["isPublic"],
        message: "A public client has no secret, so it cannot use the client credentials grant. Untick one of them.",
      });
    }
  })
  // Indeed Apply tokens and SEEK apps have no OAuth settings here: whatever the form sent for
  // them is dropped.
  .transform((input) =>
    input.credentialType === "INDEED_APPLY" || input.provider === "SEEK"
      ? { ...input, isPublic: false, grantTypes: [] as GrantTypeName[] }
      : { ...input, grantTypes: [...new Set(input.grantTypes)] },
  );
export type NewAppInput = z.input<typeof newAppInput>;
export type NewApp = z.output<typeof newAppInput>;
