"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { clsx } from "clsx";
import type { ActionResult } from "@/lib/action-result";
import { CREDENTIAL_TYPE_LABELS, PROVIDER_LABELS } from "@/lib/status";
import { GRANT_TYPES, GRANT_TYPE_LABELS, type GrantTypeName } from "@/lib/credentials/schemas";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import { createAppAction } from "../actions";

interface Values {
  partnerId: string;
  name: string;
  description: string;
  provider: string;
  credentialType: string;
  isPublic: boolean;
  grantTypes: string[];
}

const EMPTY: Values = { partnerId: "", name: "", description: "", provider: "INDEED", credentialType: "OAUTH2", isPublic: false, grantTypes: [] };

interface FormState {
  result: ActionResult | null;
  values: Values;
  attempt: number;
}

function valuesOf(formData: FormData): Values {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : "";
  };
  return {
    partnerId: text("partnerId"),
    name: text("name"),
    description: text("description"),
    provider: text("provider"),
    credentialType: text("credentialType"),
    isPublic: formData.get("isPublic") === "on",
    grantTypes: formData.getAll("grantTypes").filter((v): v is string => typeof v === "string"),
  };
}

/** Creates an app with its credentials. OAuth settings show (and are sent) only for OAuth 2.0 apps. */
export function NewAppForm({ partners }: { partners: { id: string; name: string }[] }) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(
    async (prev, formData) => ({ result: (await createAppAction(formData)) ?? null, values: valuesOf(formData), attempt: prev.attempt + 1 }),
    { result: null, values: EMPTY, attempt: 0 },
  );
  const formRef = useRef<HTMLFormElement>(null);
  const { result, values } = state;
  const [credentialType, setCredentialType] = useState(values.credentialType);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errors = (field: string) => fieldErrors[field];

  useEffect(() => {
    if (state.attempt === 0 || state.result?.ok) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input')?.focus();
  }, [state.attempt, state.result]);

  return (
    <form ref={formRef} action={dispatch} noValidate className="flex flex-col gap-5">
      <FormMessage result={result} />
      <div key={state.attempt} className="flex flex-col gap-5">
        <SelectField label="Partner" name="partnerId" required defaultValue={values.partnerId} errors={errors("partnerId")}>
          <option value="">Choose a partner</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          defaultValue={values.name}
          errors={errors("name")}
          hint="Suffix test and production versions with -dev and -prod, e.g. AceRecruitersApp-dev."
        />
        <TextareaField label="Description" name="description" maxLength={1000} defaultValue={values.description} errors={errors("description")} />
        <SelectField label="Provider" name="provider" required defaultValue={values.provider} errors={errors("provider")}>
          {(Object.keys(PROVIDER_LABELS) as (keyof typeof PROVIDER_LABELS)[]).map((p) => (
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
            <PublicClientCheckbox defaultChecked={values.isPublic} errors={errors("isPublic")} />
            <GrantTypesFieldset selected={values.grantTypes} errors={errors("grantTypes")} />
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create app"}
        </Button>
        <Link href="/admin" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function PublicClientCheckbox({ defaultChecked, errors }: { defaultChecked: boolean; errors?: string[] }) {
  const id = useId();
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        name="isPublic"
        defaultChecked={defaultChecked}
        aria-describedby={[`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ")}
        aria-invalid={errors ? true : undefined}
        className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Public client
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          For browser and mobile apps that cannot keep a secret: no secret, PKCE instead. Public clients cannot use the client credentials grant.
        </p>
        {errors ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function GrantTypesFieldset({ selected, errors }: { selected: string[]; errors?: string[] }) {
  const id = useId();
  return (
    <fieldset
      aria-describedby={[`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ")}
      data-invalid={errors ? true : undefined}
      className={clsx("rounded-md border px-4 pb-3 pt-2", errors ? "border-red-600" : "border-slate-300")}
    >
      <legend className="px-1 text-sm font-medium text-slate-800">Grant types</legend>
      <p id={`${id}-hint`} className="mb-2 text-xs text-slate-600">
        At least one. The authorization code grant starts a review that an admin approves or rejects.
      </p>
      <ul className="flex flex-col gap-1.5">
        {GRANT_TYPES.map((g: GrantTypeName) => (
          <li key={g}>
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="grantTypes" value={g} defaultChecked={selected.includes(g)} className="size-4 rounded border-slate-300 accent-brand-600" />
              {GRANT_TYPE_LABELS[g]}
            </label>
          </li>
        ))}
      </ul>
      {errors ? (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
