"use client";

import { readServiceForm, type ServiceFormValues } from "@/lib/catalog/fields";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/status";
import { TextField } from "@/components/ui/field";
import { labelledOptions, SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { CheckboxField, CheckboxGroupField, CheckboxOptions } from "@/components/ui/checkbox-field";
import { EntryForm } from "@/components/refusable-form";
import { useEntryForm } from "@/components/use-refusable-form";
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
  const { frame, values, errors, field, checkbox } = useEntryForm(
    { id: serviceId, idName: "serviceId", create: createServiceAction, update: updateServiceAction },
    readServiceForm,
    initial,
  );
  const providers = new Set(others.map((o) => o.provider));
  const choices = others.map((o) => ({
    value: o.id,
    label: (
      <>
        {o.name}
        {providers.size > 1 ? <span className="text-xs text-slate-600">({PROVIDER_LABELS[o.provider]})</span> : null}
      </>
    ),
  }));
  const rules: { name: "requires" | "conflictsWith" | "bundles"; legend: string; hint: string }[] = [
    { name: "requires", legend: "Requires", hint: "Services that must already be on the app before this one can be requested." },
    {
      name: "conflictsWith",
      legend: "Conflicts with",
      hint: conflictedBy.length
        ? `Apps cannot have both. Also conflicts with ${conflictedBy.map((s) => s.name).join(", ")} (set on that service's entry).`
        : "Apps cannot have both.",
    },
    { name: "bundles", legend: "Provisioned with", hint: "Services added to the app together with this one, unless it already has them." },
  ];

  return (
    <EntryForm {...frame} addLabel="Add service" cancelHref="/admin/catalog">
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
      <SelectField label="Provider" {...field("provider")} required emptyOption="Choose a provider" options={labelledOptions(PROVIDERS, PROVIDER_LABELS)} />
      <TextareaField label="Description" {...field("description")} required maxLength={1000} />
      <CheckboxField
        label="Review required"
        {...checkbox("reviewRequired")}
        hint="Indeed reviews the partner's integration before approving it. Without a review, finishing provisioning sets the status to “None”."
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
      {rules.map((rule) => (
        <CheckboxGroupField key={rule.name} legend={rule.legend} hint={rule.hint} errors={errors(rule.name)}>
          <CheckboxOptions
            name={rule.name}
            options={choices}
            selected={values[rule.name]}
            empty="There are no other services in the catalog yet."
          />
        </CheckboxGroupField>
      ))}
    </EntryForm>
  );
}
