// The sandbox admin forms' field readers, apart from their schemas (lib/sandbox/schemas.ts) so
// that the forms, client components, do not ship the schema library to the browser.
import { formAll, formFlag, formText } from "../form-data";

/** The account form's fields as sent. */
export interface AccountFormValues {
  email: string;
  name: string;
  password: string;
  partnerId: string;
  registrant: boolean;
  employerIds: string[];
}

export function readAccountForm(formData: FormData): AccountFormValues {
  return {
    email: formText(formData, "email"),
    name: formText(formData, "name"),
    password: formText(formData, "password"),
    partnerId: formText(formData, "partnerId"),
    registrant: formFlag(formData, "registrant"),
    employerIds: formAll(formData, "employerIds"),
  };
}

export function readEmployerForm(formData: FormData): { name: string; id: string } {
  return { name: formText(formData, "name"), id: formText(formData, "id") };
}
