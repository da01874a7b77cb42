"use client";

import Link from "next/link";
import { readAccountForm, type AccountFormValues } from "@/lib/sandbox/fields";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CheckboxField, CheckboxGroupField, CheckboxOption } from "@/components/ui/checkbox-field";
import { RefusableForm } from "@/components/refusable-form";
import { useRefusableForm } from "@/components/use-refusable-form";
import { createSandboxAccountAction, updateSandboxAccountAction } from "../actions";

/** What the fields start from; a refused form never fills the password in again. */
type AccountFields = Omit<AccountFormValues, "password">;

const EMPTY_ACCOUNT: AccountFields = { email: "", name: "", partnerId: "", registrant: false, employerIds: [] };

function fieldsOf(formData: FormData): AccountFields {
  const { email, name, partnerId, registrant, employerIds } = readAccountForm(formData);
  return { email, name, partnerId, registrant, employerIds };
}

/** Adds a sandbox Indeed account (no accountId) or edits one. Errors sit next to their fields. */
export function AccountForm({
  accountId,
  initial = EMPTY_ACCOUNT,
  partners,
  employers,
}: {
  accountId?: string;
  initial?: AccountFields;
  partners: { id: string; name: string }[];
  employers: { id: string; name: string }[];
}) {
  // Success redirects to the list.
  const { formRef, ...form } = useRefusableForm(
    accountId ? updateSandboxAccountAction : createSandboxAccountAction,
    fieldsOf,
    initial,
  );
  const { values, errors, field } = form;

  return (
    <RefusableForm
      formRef={formRef}
      form={form}
      className="flex max-w-2xl flex-col gap-5"
      hidden={accountId ? { name: "accountId", value: accountId } : undefined}
      submitLabel={accountId ? "Save changes" : "Add account"}
      pendingLabel="Saving…"
      cancelHref="/admin/sandbox"
    >
      <TextField
        label="Email"
        {...field("email")}
        type="email"
        required
        maxLength={320}
        autoComplete="off"
        hint="The account signs in to the Indeed emulator with it."
      />
      <TextField label="Name" {...field("name")} required maxLength={100} />
      <TextField
        label="Password"
        name="password"
        type="password"
        required={!accountId}
        autoComplete="new-password"
        errors={errors("password")}
        hint={accountId ? "Leave empty to keep the current password. A new one signs the account out." : "At least 12 characters."}
      />
      <SelectField
        label="Partner"
        {...field("partnerId")}
        hint="The partner whose test account this is. Until an app's authorization code grant is approved, only its partner's accounts may authorize it."
      >
        <option value="">No partner: an ordinary Indeed user</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label="Registered the partner's apps"
        name="registrant"
        defaultChecked={values.registrant}
        hint="appinfo lists this account's employers for the partner's apps. A partner has one such account: choosing this one replaces the previous one."
        errors={errors("registrant")}
      />
      <EmployerChoices employers={employers} selected={values.employerIds} errors={errors("employerIds")} />
    </RefusableForm>
  );
}

function EmployerChoices({
  employers,
  selected,
  errors,
}: {
  employers: { id: string; name: string }[];
  selected: string[];
  errors?: string[];
}) {
  return (
    <CheckboxGroupField
      legend="Employers"
      hint={
        <>
          The employers this account can act for: the employer selection screen lists them.{" "}
          <Link href="/admin/sandbox/employers">Manage employers</Link>
        </>
      }
      errors={errors}
    >
    {employers.length === 0 ? (
      <p className="text-sm text-slate-600">There are no employers yet.</p>
    ) : (
      <ul className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
        {employers.map((e) => (
          <li key={e.id}>
            <CheckboxOption name="employerIds" value={e.id} defaultChecked={selected.includes(e.id)}>
              {e.name}
            </CheckboxOption>
          </li>
        ))}
      </ul>
    )}
  </CheckboxGroupField>
);
}
