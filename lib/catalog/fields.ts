// The service form's field reader, apart from its schema (lib/catalog/schemas.ts) so that the
// form, a client component, does not ship the schema library to the browser.
import { formAll, formFlag, formText } from "../form-data";

/** The form's fields as sent: text stays text until serviceInput has parsed it. */
export interface ServiceFormValues {
  name: string;
  slug: string;
  provider: string;
  description: string;
  reviewRequired: boolean;
  documentationUrl: string;
  testingToolUrl: string;
  conflictsWith: string[];
  requires: string[];
  bundles: string[];
}

export function readServiceForm(formData: FormData): ServiceFormValues {
  return {
    name: formText(formData, "name"),
    slug: formText(formData, "slug"),
    provider: formText(formData, "provider"),
    description: formText(formData, "description"),
    reviewRequired: formFlag(formData, "reviewRequired"),
    documentationUrl: formText(formData, "documentationUrl"),
    testingToolUrl: formText(formData, "testingToolUrl"),
    conflictsWith: formAll(formData, "conflictsWith"),
    requires: formAll(formData, "requires"),
    bundles: formAll(formData, "bundles"),
  };
}
