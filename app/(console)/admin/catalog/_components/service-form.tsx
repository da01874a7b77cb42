"use client";

import { readServiceForm, type ServiceFormValues } from "@/lib/catalog/fields";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/status";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { CheckboxField, CheckboxGroupField, CheckboxOption } from "@/components/ui/checkbox-field";
import { RefusableForm } from "@/components/refusable-form";
import { useRefusableForm } from "@/components/use-refusable-form";
import { createServiceAction, updateServiceAction } from "../actions";

type Provider = (typeof PROVIDERS)[number];

const EMPTY_SERVICE: ServiceFormValues = {
  name: "",
  slug: "",
  provider: "",
  description: "",
  reviewRequired: false,
  documentationUrl: "",
  testingToolUrl: "",
  conflictsWith: [],
  requires: [],
  bundles: [],
};

interface Option {
  id: string;
  name: string;
  provider: Provider;
}

/** Adds a service to the catalog (no serviceId) or edits one. Errors sit next to their fields. */
export function ServiceForm({
  serviceId,
  initial = EMPTY_SERVICE,
  others,
  conflictedBy = [],
}: {
  serviceId?: string;
  initial?: ServiceFormValues;
  /** The other catalog services, for the rules. */
  others: Option[];
  /** Services whose own entry says they conflict with this one (edited on their entry). */
  conflictedBy?: { id: string; name: string }[];
}) {
  // Success redirects to the catalog.
  const { formRef, ...form } = useRefusableForm(
    serviceId ? updateServiceAction : createServiceAction,
    readServiceForm,
    initial,
  );
  const { values, errors, field } = form;

  return (
    <RefusableForm
      formRef={formRef}
      form={form}
      className="flex max-w-2xl flex-col gap-5"
      hidden={serviceId ? { name: "serviceId", value: serviceId } : undefined}
      submitLabel={serviceId ? "Save changes" : "Add service"}
      pendingLabel="Saving…"
      cancelHref="/admin/catalog"
    >
      <TextField label="Name" {...field("name")} required maxLength={100} />
      <TextField
        label="Identifier"
        {...field("slug")}
        required
        maxLength={60}
        hint="Lower-case letters, digits and single hyphens, e.g. job-sync-api. Code and URLs use it."
        spellCheck={false}
        autoCapitalize="none"
      />
      <SelectField label="Provider" {...field("provider")} required>
        <option value="">Choose a provider</option>
        {PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <TextareaField label="Description" {...field("description")} required maxLength={1000} />
      <CheckboxField
        label="Review required"
        name="reviewRequired"
        defaultChecked={values.reviewRequired}
        hint="Indeed reviews the partner's integration before approving it. Without a review, finishing provisioning sets the status to “None”."
        errors={errors("reviewRequired")}
      />
      <TextField
        label="Documentation URL"
        {...field("documentationUrl")}
        type="url"
        required
        maxLength={2048}
        placeholder="https://docs.indeed.com/…"
      />
      <TextField
        label="Testing tool URL or path"
        {...field("testingToolUrl")}
        maxLength={2048}
        hint="Optional. A path on this site such as /token-tool, or a full URL."
      />
      <ServiceChoices
        legend="Requires"
        name="requires"
        hint="Services that must already be on the app before this one can be requested."
        options={others}
        selected={values.requires}
        errors={errors("requires")}
      />
      <ServiceChoices
        legend="Conflicts with"
        name="conflictsWith"
        hint={
          conflictedBy.length
            ? `Apps cannot have both. Also conflicts with ${conflictedBy.map((s) => s.name).join(", ")} (set on that service's entry).`
            : "Apps cannot have both."
        }
        options={others}
        selected={values.conflictsWith}
        errors={errors("conflictsWith")}
      />
      <ServiceChoices
        legend="Provisioned with"
        name="bundles"
        hint="Services added to the app together with this one, unless it already has them."
        options={others}
        selected={values.bundles}
        errors={errors("bundles")}
      />
    </RefusableForm>
  );
}

/** A checkbox list of catalog services, as a labelled group. */
function ServiceChoices({
  legend,
  name,
  hint,
  options,
  selected,
  errors,
}: {
  legend: string;
  name: string;
  hint: string;
  options: Option[];
  selected: string[];
  errors?: string[];
}) {
  const providers = new Set(options.map((o) => o.provider));
  return (
    <CheckboxGroupField legend={legend} hint={hint} errors={errors}>
      {options.length === 0 ? (
        <p className="text-sm text-slate-600">There are no other services in the catalog yet.</p>
      ) : (
        <ul className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
          {options.map((o) => (
            <li key={o.id}>
              <CheckboxOption name={name} value={o.id} defaultChecked={selected.includes(o.id)}>
                {o.name}
                {providers.size > 1 ? <span className="text-xs text-slate-600">({PROVIDER_LABELS[o.provider]})</span> : null}
              </CheckboxOption>
            </li>
          ))}
        </ul>
      )}
    </CheckboxGroupField>
  );
}
