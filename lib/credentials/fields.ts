// What the credential forms show and read, apart from their schemas (lib/credentials/schemas.ts)
// so that the forms, client components, do not ship the schema library to the browser.
import { formAll, formFlag, formText } from "../form-data";
import type { PartnerInfo } from "./schemas";

export type { PartnerInfo };

export const PARTNER_INFO_LABELS: Record<keyof PartnerInfo, string> = {
  companyName: "Company name",
  homepageUrl: "Homepage",
  supportEmail: "Support email",
  privacyPolicyUrl: "Privacy policy link",
};

export const GRANT_TYPES = ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"] as const;
export type GrantTypeName = (typeof GRANT_TYPES)[number];
export const GRANT_TYPE_LABELS: Record<GrantTypeName, string> = {
  CLIENT_CREDENTIALS: "Client credentials (2-legged OAuth)",
  AUTHORIZATION_CODE: "Authorization code (3-legged OAuth)",
};

/** The new-app form's fields as sent: text stays text until newAppInput has parsed it. */
export interface NewAppFormValues {
  partnerId: string;
  name: string;
  description: string;
  provider: string;
  credentialType: string;
  isPublic: boolean;
  grantTypes: string[];
}

export function readNewAppForm(formData: FormData): NewAppFormValues {
  return {
    partnerId: formText(formData, "partnerId"),
    name: formText(formData, "name"),
    description: formText(formData, "description"),
    provider: formText(formData, "provider"),
    credentialType: formText(formData, "credentialType"),
    isPublic: formFlag(formData, "isPublic"),
    grantTypes: formAll(formData, "grantTypes"),
  };
}
