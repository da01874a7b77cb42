"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { clsx } from "clsx";
import type { ActionResult } from "@/lib/action-result";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormMessage } from "@/components/form-message";
import { createSandboxAccountAction, updateSandboxAccountAction } from "../actions";

export interface AccountFormValues {
  email: string;
  name: string;
  partnerId: string;
  registrant: boolean;
  employerIds: string[];
}

const EMPTY_ACCOUNT: AccountFormValues = { email: "", name: "", partnerId: "", registrant: false, employerIds: [] };

interface FormState {
  result: ActionResult | null;
  /** What was submitted: React resets a form after its action, and the fields start again from these. */
  values: AccountFormValues;
  attempt: number;
}

function valuesOf(formData: FormData): AccountFormValues {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : "";
  };
  return {
    email: text("email"),
    name: text("name"),
    partnerId: text("partnerId"),
    registrant: formData.get("registrant") === "on",
    employerIds: formData.getAll("employerIds").filter((v): v is string => typeof v === "string"),
  };
}

/** Adds a sandbox Indeed account (no accountId) or edits one. Errors sit next to their fields. */
export function AccountForm({
  accountId,
  initial = EMPTY_ACCOUNT,
  partners,
  employers,
}: {
  accountId?: string;
  initial?: AccountFormValues;
  partners: { id: string; name: string }[];
  employers: { id: string; name: string }[];
}) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(
    async (prev, formData) => {
      const action = accountId ? updateSandboxAccountAction : createSandboxAccountAction;
      // Success redirects to the list; what comes back is a refusal.
      const result = (await action(formData)) ?? null;
      return { result, values: valuesOf(formData), attempt: prev.attempt + 1 };
    },
    { result: null, values: initial, attempt: 0 },
  );
  const formRef = useRef<HTMLFormElement>(null);
  const { result, values } = state;
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errors = (field: string) => {
    const found = Object.entries(fieldErrors)
      .filter(([key]) => key === field || key.startsWith(`${field}.`))
      .flatMap(([, messages]) => messages);
    return found.length ? [...new Set(found)] : undefined;
  };

  // After a refusal, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (state.attempt === 0 || state.result?.ok) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input')?.focus();
  }, [state.attempt, state.result]);

  return (
    <form ref={formRef} action={dispatch} noValidate className="flex max-w-2xl flex-col gap-5">
      {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
      <FormMessage result={result} />
      <div key={state.attempt} className="flex flex-col gap-5">
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          defaultValue={values.email}
          errors={errors("email")}
          hint="The account signs in to the Indeed emulator with it."
        />
        <TextField label="Name" name="name" required maxLength={100} defaultValue={values.name} errors={errors("name")} />
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
          name="partnerId"
          defaultValue={values.partnerId}
          errors={errors("partnerId")}
          hint="The partner whose test account this is. Until an app's authorization code grant is approved, only its partner's accounts may authorize it."
        >
          <option value="">No partner: an ordinary Indeed user</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Checkbox
          label="Registered the partner's apps"
          name="registrant"
          defaultChecked={values.registrant}
          hint="appinfo lists this account's employers for the partner's apps. A partner has one such account: choosing this one replaces the previous one."
          errors={errors("registrant")}
        />
        <EmployerChoices employers={employers} selected={values.employerIds} errors={errors("employerIds")} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : accountId ? "Save changes" : "Add account"}
        </Button>
        <Link href="/admin/sandbox" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function Checkbox({
  label,
  name,
  defaultChecked,
  hint,
  errors,
}: {
  label: string;
  name: string;
  defaultChecked: boolean;
  hint: string;
  errors?: string[];
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        aria-describedby={describedBy}
        aria-invalid={errors ? true : undefined}
        className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
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

function EmployerChoices({
  employers,
  selected,
  errors,
}: {
  employers: { id: string; name: string }[];
  selected: string[];
  errors?: string[];
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, errors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      aria-describedby={describedBy}
      data-invalid={errors ? true : undefined}
      className={clsx("rounded-md border px-4 pb-3 pt-2", errors ? "border-red-600" : "border-slate-300")}
    >
      <legend className="px-1 text-sm font-medium text-slate-800">Employers</legend>
      <p id={`${id}-hint`} className="mb-2 text-xs text-slate-600">
        The employers this account can act for: the employer selection screen lists them.{" "}
        <Link href="/admin/sandbox/employers">Manage employers</Link>
      </p>
      {employers.length === 0 ? (
        <p className="text-sm text-slate-600">There are no employers yet.</p>
      ) : (
        <ul className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
          {employers.map((e) => (
            <li key={e.id}>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="employerIds"
                  value={e.id}
                  defaultChecked={selected.includes(e.id)}
                  className="size-4 rounded border-slate-300 accent-brand-600"
                />
                {e.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      {errors ? (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
