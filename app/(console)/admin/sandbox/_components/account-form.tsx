"use client";

import Link from "next/link";
import { readAccountForm, type AccountFormValues } from "@/lib/sandbox/fields";
import { TextField } from "@/components/ui/field";
import { namedOptions, SelectField } from "@/components/ui/select-field";
import { CheckboxField, CheckboxGroupField, CheckboxOptions } from "@/components/ui/checkbox-field";
import { EntryForm } from "@/components/refusable-form";
import { useEntryForm } from "@/components/use-refusable-form";
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
  const { frame, values, errors, field, checkbox } = useEntryForm(
    { id: accountId, idName: "accountId", create: createSandboxAccountAction, update: updateSandboxAccountAction },
    fieldsOf,
    initial,
  );

  return (
    <EntryForm {...frame} addLabel="Add account" cancelHref="/admin/sandbox">
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
        emptyOption="No partner: an ordinary Indeed user"
        options={namedOptions(partners)}
      />
      <CheckboxField
        label="Registered the partner's apps"
        {...checkbox("registrant")}
        hint="appinfo lists this account's employers for the partner's apps. A partner has one such account: choosing this one replaces the previous one."
      />
      <CheckboxGroupField
        legend="Employers"
        hint={
          <>
            The employers this account can act for: the employer selection screen lists them.{" "}
            <Link href="/admin/sandbox/employers">Manage employers</Link>
          </>
        }
        errors={errors("employerIds")}
      >
        <CheckboxOptions name="employerIds" options={namedOptions(employers)} selected={values.employerIds} empty="There are no employers yet." />
      </CheckboxGroupField>
    </EntryForm>
  );
}
