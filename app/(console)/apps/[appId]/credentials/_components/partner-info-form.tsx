"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import { callAction, type ActionResult } from "@/lib/action-result";
import { PARTNER_INFO_LABELS, type PartnerInfo } from "@/lib/credentials/fields";
import { updatePartnerInfoAction } from "../actions";

type Values = Record<keyof PartnerInfo, string>;

const HINTS: Record<keyof PartnerInfo, string> = {
  companyName: "Shown on the consent screen as “Provided by …”.",
  homepageUrl: "A full https:// address.",
  supportEmail: "Where users of your app can reach you.",
  privacyPolicyUrl: "A full https:// address of your public privacy policy.",
};

/** The partner information end users see on the consent screen. Optional, validated when given. */
export function PartnerInfoForm({ appId, initial, canManage }: { appId: string; initial: Values; canManage: boolean }) {
  const [values, setValues] = useState<Values>(initial);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      setResult(await callAction(() => updatePartnerInfoAction({ appId, ...values })));
    });
  }

  const field = (name: keyof PartnerInfo, type: string, extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <TextField
      label={PARTNER_INFO_LABELS[name]}
      name={name}
      type={type}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      errors={fieldErrors?.[name]}
      hint={HINTS[name]}
      readOnly={!canManage}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="partner-info-heading" className="flex flex-col gap-4">
      <h4 id="partner-info-heading" className="font-medium text-slate-900">
        Partner information
      </h4>
      {field("companyName", "text", { maxLength: 100, autoComplete: "organization" })}
      {field("homepageUrl", "url", { maxLength: 2048, placeholder: "https://example.com", spellCheck: false })}
      {field("supportEmail", "email", { maxLength: 254, placeholder: "support@example.com", spellCheck: false })}
      {field("privacyPolicyUrl", "url", { maxLength: 2048, placeholder: "https://example.com/privacy", spellCheck: false })}
      {fieldErrors && Object.keys(fieldErrors).length ? null : <FormMessage result={result} />}
      {canManage ? (
        <div>
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? "Saving…" : "Update"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
