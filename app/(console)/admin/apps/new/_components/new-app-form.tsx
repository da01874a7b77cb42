"use client";

import { useState } from "react";
import { CREDENTIAL_TYPE_LABELS, PROVIDER_LABELS, PROVIDERS } from "@/lib/status";
import { GRANT_TYPES, GRANT_TYPE_LABELS, readNewAppForm, type GrantTypeName, type NewAppFormValues } from "@/lib/credentials/fields";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { CheckboxField, CheckboxGroupField, CheckboxOption } from "@/components/ui/checkbox-field";
import { RefusableForm } from "@/components/refusable-form";
import { useRefusableForm } from "@/components/use-refusable-form";
import { createAppAction } from "../actions";

const EMPTY: NewAppFormValues = { partnerId: "", name: "", description: "", provider: "INDEED", credentialType: "OAUTH2", isPublic: false, grantTypes: [] };

/** Creates an app with its credentials. OAuth settings show (and are sent) only for OAuth 2.0 apps. */
export function NewAppForm({ partners }: { partners: { id: string; name: string }[] }) {
  const { formRef, ...form } = useRefusableForm(createAppAction, readNewAppForm, EMPTY);
  const { values, errors, field } = form;
  const [credentialType, setCredentialType] = useState(values.credentialType);

  return (
    <RefusableForm formRef={formRef} form={form} className="flex flex-col gap-5" submitLabel="Create app" pendingLabel="Creating…" cancelHref="/admin">
      <SelectField label="Partner" {...field("partnerId")} required>
        <option value="">Choose a partner</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        {...field("name")}
        required
        maxLength={100}
        hint="Suffix test and production versions with -dev and -prod, e.g. AceRecruitersApp-dev."
      />
      <TextareaField label="Description" {...field("description")} maxLength={1000} />
      <SelectField label="Provider" {...field("provider")} required>
        {PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Credential type"
        name="credentialType"
        required
        value={credentialType}
        onChange={(e) => setCredentialType(e.target.value)}
        errors={errors("credentialType")}
        hint="Indeed Apply apps get an API token (a client ID) and one secret, and no OAuth settings."
      >
        {(Object.keys(CREDENTIAL_TYPE_LABELS) as (keyof typeof CREDENTIAL_TYPE_LABELS)[]).map((c) => (
          <option key={c} value={c}>
            {CREDENTIAL_TYPE_LABELS[c]}
          </option>
        ))}
      </SelectField>
      {credentialType === "OAUTH2" ? (
        <>
          <CheckboxField
            label="Public client"
            name="isPublic"
            defaultChecked={values.isPublic}
            hint="For browser and mobile apps that cannot keep a secret: no secret, PKCE instead. Public clients cannot use the client credentials grant."
            errors={errors("isPublic")}
          />
          <GrantTypesFieldset selected={values.grantTypes} errors={errors("grantTypes")} />
        </>
      ) : null}
    </RefusableForm>
  );
}

function GrantTypesFieldset({ selected, errors }: { selected: string[]; errors?: string[] }) {
  return (
    <CheckboxGroupField
      legend="Grant types"
      hint="At least one. The authorization code grant starts a review that an admin approves or rejects."
      errors={errors}
    >
    <ul className="flex flex-col gap-1.5">
      {GRANT_TYPES.map((g: GrantTypeName) => (
        <li key={g}>
          <CheckboxOption name="grantTypes" value={g} defaultChecked={selected.includes(g)}>
            {GRANT_TYPE_LABELS[g]}
          </CheckboxOption>
        </li>
      ))}
    </ul>
  </CheckboxGroupField>
);
}
