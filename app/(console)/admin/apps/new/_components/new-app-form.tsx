"use client";

import { useState } from "react";
import { CREDENTIAL_TYPE_LABELS, PROVIDER_LABELS, PROVIDERS } from "@/lib/status";
import { GRANT_TYPES, GRANT_TYPE_LABELS, readNewAppForm, type NewAppFormValues } from "@/lib/credentials/fields";
import { TextField } from "@/components/ui/field";
import { labelledOptions, namedOptions, SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { CheckboxField, CheckboxGroupField, CheckboxOptions } from "@/components/ui/checkbox-field";
import { RefusableForm } from "@/components/refusable-form";
import { useRefusableForm } from "@/components/use-refusable-form";
import { createAppAction } from "../actions";

const EMPTY: NewAppFormValues = { partnerId: "", name: "", description: "", provider: "INDEED", credentialType: "OAUTH2", isPublic: false, grantTypes: [] };

/**
 * Creates an app with its credentials. OAuth settings show (and are sent) only for Indeed's
 * OAuth 2.0 apps: a SEEK app's owners issue its credentials per environment.
 */
export function NewAppForm({ partners }: { partners: { id: string; name: string }[] }) {
  const { formRef, ...form } = useRefusableForm(createAppAction, readNewAppForm, EMPTY);
  const { values, errors, field, checkbox } = form;
  const [credentialType, setCredentialType] = useState(values.credentialType);
  const [provider, setProvider] = useState(values.provider);
  // The selects that decide which other fields show are controlled.
  const controlled = (name: "provider" | "credentialType", value: string, set: (value: string) => void) => ({
    name,
    value,
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => set(e.target.value),
    errors: errors(name),
  });

  return (
    <RefusableForm formRef={formRef} form={form} className="flex flex-col gap-5" submitLabel="Create app" pendingLabel="Creating…" cancelHref="/admin">
      <SelectField label="Partner" {...field("partnerId")} required emptyOption="Choose a partner" options={namedOptions(partners)} />
      <TextField
        label="Name"
        {...field("name")}
        required
        maxLength={100}
        hint="Suffix test and production versions with -dev and -prod, e.g. AceRecruitersApp-dev."
      />
      <TextareaField label="Description" {...field("description")} maxLength={1000} />
      <SelectField
        label="Provider"
        {...controlled("provider", provider, setProvider)}
        required
        hint={provider === "SEEK" ? "A SEEK app gets no OAuth client here: its owners issue SEEK credentials per environment on its Credentials tab." : undefined}
        options={labelledOptions(PROVIDERS, PROVIDER_LABELS)}
      />
      <SelectField
        label="Credential type"
        {...controlled("credentialType", credentialType, setCredentialType)}
        required
        hint="Indeed Apply apps get an API token (a client ID) and one secret, and no OAuth settings."
        options={labelledOptions(Object.keys(CREDENTIAL_TYPE_LABELS) as (keyof typeof CREDENTIAL_TYPE_LABELS)[], CREDENTIAL_TYPE_LABELS)}
      />
      {credentialType === "OAUTH2" && provider !== "SEEK" ? (
        <>
          <CheckboxField
            label="Public client"
            {...checkbox("isPublic")}
            hint="For browser and mobile apps that cannot keep a secret: no secret, PKCE instead. Public clients cannot use the client credentials grant."
          />
          <CheckboxGroupField
            legend="Grant types"
            hint="At least one. The authorization code grant starts a review that an admin approves or rejects."
            errors={errors("grantTypes")}
          >
            <CheckboxOptions name="grantTypes" options={labelledOptions(GRANT_TYPES, GRANT_TYPE_LABELS)} selected={values.grantTypes} column />
          </CheckboxGroupField>
        </>
      ) : null}
    </RefusableForm>
  );
}
