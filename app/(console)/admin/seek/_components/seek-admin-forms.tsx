"use client";

// The admins' SEEK forms. Errors are shown next to their field; outcomes in a status region.
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { namedOptions, SelectField } from "@/components/ui/select-field";
import { FormMessage } from "@/components/form-message";
import { callAction, type ActionResult } from "@/lib/action-result";
import { SeekRelationshipBoxes } from "@/components/seek-relationship-boxes";
import { ReasonDialog } from "../../../_components/reason-dialog";
import {
  createSeekHirerAction,
  decideLiveRequestAction,
  setLiveSelfServiceAction,
  setSeekRelationshipAction,
  updateSeekSettingsAction,
} from "../actions";

/** useActionState for an action that takes the submitted form alone. */
function useFormAction(action: (formData: FormData) => Promise<ActionResult>) {
  return useActionState((_prev: ActionResult | null, formData: FormData) => action(formData), null);
}

function errorsOf(result: ActionResult | null, field: string) {
  return result && !result.ok ? result.fieldErrors?.[field] : undefined;
}

/** Approve or refuse one pending live-credential request. */
export function LiveRequestDecision({ requestId, label }: { requestId: string; label: string }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  function approve() {
    const data = new FormData();
    data.set("requestId", requestId);
    data.set("decision", "APPROVE");
    startTransition(async () => {
      setResult(await callAction(() => decideLiveRequestAction(data)));
    });
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={approve} disabled={pending} aria-disabled={pending}>
          {pending ? "Approving…" : "Approve"}
          <span className="sr-only"> {label}</span>
        </Button>
        <ReasonDialog
          trigger={
            <Button variant="danger">
              Refuse<span className="sr-only"> {label}</span>
            </Button>
          }
          title={`Refuse live credentials: ${label}`}
          description="The partner sees this reason on its Credentials tab."
          name="reason"
          submitLabel="Refuse"
          fields={
            <>
              <input type="hidden" name="requestId" value={requestId} />
              <input type="hidden" name="decision" value="REFUSE" />
            </>
          }
          submit={decideLiveRequestAction}
        />
      </div>
      <FormMessage result={result} />
    </div>
  );
}

/** A partner's live self-service switch. */
export function SelfServiceSwitch({ partnerId, partnerName, enabled }: { partnerId: string; partnerName: string; enabled: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  function toggle() {
    const data = new FormData();
    data.set("partnerId", partnerId);
    data.set("enabled", String(!enabled));
    startTransition(async () => {
      setResult(await callAction(() => setLiveSelfServiceAction(data)));
    });
  }
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        role="switch"
        aria-checked={enabled}
        aria-label={`Live self-service for ${partnerName}`}
        onClick={toggle}
        disabled={pending}
      >
        {enabled ? "On" : "Off"}
      </Button>
      {result && !result.ok ? <FormMessage result={result} /> : null}
    </div>
  );
}

export function SettingsForm({ expiresIn }: { expiresIn: number }) {
  const [result, dispatch, pending] = useFormAction(updateSeekSettingsAction);
  return (
    <form action={dispatch} noValidate className="flex flex-col gap-3">
      <TextField
        label="Partner token expires_in (seconds)"
        name="partnerTokenExpiresIn"
        inputMode="numeric"
        defaultValue={String(expiresIn)}
        hint="60 to 86400. SEEK’s documentation says 1800 today; short values make expiry testable."
        errors={errorsOf(result, "partnerTokenExpiresIn")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <FormMessage result={result && (result.ok || !result.fieldErrors) ? result : null} />
    </form>
  );
}

export function NewHirerForm({ partners }: { partners: { id: string; name: string }[] }) {
  const [result, dispatch, pending] = useFormAction(createSeekHirerAction);
  return (
    <form action={dispatch} noValidate className="grid gap-3 sm:grid-cols-2">
      <TextField
        label="Hirer ID"
        name="id"
        required
        className="sm:col-span-2"
        hint="seekAnzPublicTest:organization:seek:… for the Playground, seekAnz:organization:seek:… for live."
        errors={errorsOf(result, "id")}
      />
      <TextField label="Name" name="name" required errors={errorsOf(result, "name")} />
      <TextField label="Advertiser ID (optional)" name="seekAnzAdvertiserId" inputMode="numeric" errors={errorsOf(result, "seekAnzAdvertiserId")} />
      <SelectField
        label="Test hirer of (live only, optional)"
        name="testPartnerId"
        defaultValue=""
        errors={errorsOf(result, "testPartnerId")}
        emptyOption="Nobody: an ordinary hirer"
        options={namedOptions(partners)}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add hirer"}
        </Button>
      </div>
      <div className="sm:col-span-2">
        <FormMessage result={result && (result.ok || !result.fieldErrors) ? result : result && { ok: false, error: result.error }} />
      </div>
    </form>
  );
}

/** A partner's relationship types with one hirer; none ends the relationship. */
export function RelationshipForm({
  hirerId,
  hirerName,
  partners,
  partnerId,
  types,
}: {
  hirerId: string;
  hirerName: string;
  partners: { id: string; name: string }[];
  /** Editing an existing relationship: its partner is fixed. */
  partnerId?: string;
  types: string[];
}) {
  const [result, dispatch, pending] = useFormAction(setSeekRelationshipAction);
  const partnerName = partners.find((p) => p.id === partnerId)?.name;
  const label = partnerName ? `${partnerName} with ${hirerName}` : `New relationship with ${hirerName}`;
  return (
    <form action={dispatch} noValidate aria-label={label} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <input type="hidden" name="hirerId" value={hirerId} />
      {partnerId ? (
        <>
          <input type="hidden" name="partnerId" value={partnerId} />
          <p className="text-sm font-medium text-slate-900">{partnerName}</p>
        </>
      ) : (
        <SelectField label="Partner" name="partnerId" defaultValue="" errors={errorsOf(result, "partnerId")} options={namedOptions(partners)}>
          <option value="" disabled>
            Choose a partner
          </option>
        </SelectField>
      )}
      <fieldset>
        <legend className="text-xs text-slate-600">Relationship types</legend>
        <SeekRelationshipBoxes name="types" selected={types} />
      </fieldset>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save relationship"}
          <span className="sr-only"> {label}</span>
        </Button>
      </div>
      <FormMessage result={result} />
    </form>
  );
}
