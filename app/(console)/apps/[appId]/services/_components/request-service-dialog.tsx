"use client";

import { useId, useState } from "react";
import { clsx } from "clsx";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import type { ActionResult } from "@/lib/action-result";
import { requestServiceAction } from "../actions";
import { servicesKeys } from "../_lib/queries";
import { NOTE_MAX_LENGTH } from "../_lib/limits";
import type { RequestServiceInput } from "../_lib/schemas";
import type { RequestOption } from "@/lib/views/services";

const UNREACHABLE: ActionResult = {
  ok: false,
  error: "The console could not be reached. Check your connection and try again.",
};

function list(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Lists the catalog services not yet on the app. Those the rules refuse stay visible, disabled,
 * with the reason; requestable ones say what else comes with them. The server decides again.
 */
export function RequestServiceDialog({
  appId,
  options,
  onRequested,
}: {
  appId: string;
  options: RequestOption[];
  onRequested: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Request a service</Button>
      </DialogTrigger>
      {open ? (
        <RequestForm
          appId={appId}
          options={options}
          onDone={(message) => {
            setOpen(false);
            onRequested(message);
          }}
        />
      ) : null}
    </DialogRoot>
  );
}

function RequestForm({
  appId,
  options,
  onDone,
}: {
  appId: string;
  options: RequestOption[];
  onDone: (message: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<ActionResult<{ added: string[] }> | null>(null);
  const request = useMutation({
    mutationFn: (input: RequestServiceInput) => requestServiceAction(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: servicesKeys.app(appId) }),
  });
  const anyRequestable = options.some((o) => o.verdict.requestable);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected) {
      setResult({ ok: false, error: "Choose a service.", code: "VALIDATION", fieldErrors: { serviceId: ["Choose a service."] } });
      return;
    }
    let answer: ActionResult<{ added: string[] }>;
    try {
      answer = await request.mutateAsync({ appId, serviceId: selected, note });
    } catch {
      answer = UNREACHABLE;
    }
    if (answer.ok) onDone(answer.message ?? "Requested.");
    else setResult(answer);
  }

  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  const serviceError = fieldErrors?.serviceId?.join(" ");
  const pending = request.isPending;

  return (
    <DialogContent
      title="Request a service"
      description="Indeed provisions the service on this app. When you have integrated it, request a review if the service needs one."
    >
      {options.length === 0 ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">Every service in the catalog for this app’s provider is on it already.</p>
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button variant="secondary">Close</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <fieldset aria-describedby={serviceError ? `${id}-service-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Service</legend>
            <ul className="mt-2 flex flex-col gap-2">
              {options.map((option) => {
                const { verdict } = option;
                const nameId = `${id}-${option.id}-name`;
                const detailId = `${id}-${option.id}-detail`;
                return (
                  <li key={option.id}>
                    <label
                      className={clsx(
                        "flex gap-3 rounded-md border p-3 text-sm",
                        verdict.requestable
                          ? "cursor-pointer border-slate-300 hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                          : "cursor-not-allowed border-slate-200 bg-slate-50",
                      )}
                    >
                      <input
                        type="radio"
                        name="serviceId"
                        value={option.id}
                        checked={selected === option.id}
                        disabled={!verdict.requestable || pending}
                        onChange={() => setSelected(option.id)}
                        // The name alone is the radio's name; what the rules say describes it.
                        aria-labelledby={nameId}
                        aria-describedby={detailId}
                        className="mt-0.5 size-4 shrink-0 accent-brand-600"
                      />
                      <span className="min-w-0">
                        <span
                          id={nameId}
                          className={clsx("block font-medium", verdict.requestable ? "text-slate-900" : "text-slate-600")}
                        >
                          {option.name}
                        </span>
                        <span id={detailId} className="mt-0.5 block">
                          {verdict.requestable ? (
                            <>
                              <span className="block text-slate-600">
                                {option.reviewRequired ? "Indeed reviews your integration." : "No review needed."}
                              </span>
                              {verdict.alsoAdds.length ? (
                                <span className="mt-0.5 block font-medium text-brand-700">
                                  {list(verdict.alsoAdds.map((a) => a.name))} will be added too.
                                </span>
                              ) : null}
                            </>
                          ) : (
                            <span className="block text-slate-700">
                              <span className="sr-only">Cannot be requested: </span>
                              {verdict.reason}
                            </span>
                          )}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {serviceError ? (
              <p id={`${id}-service-error`} className="mt-2 text-sm text-red-700">
                {serviceError}
              </p>
            ) : null}
          </fieldset>
          <TextareaField
            label="Note for Indeed (optional)"
            name="note"
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            errors={fieldErrors?.note}
            disabled={pending}
          />
          {fieldErrors?.serviceId || fieldErrors?.note ? null : <FormMessage result={result} />}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending || !anyRequestable} aria-disabled={pending || !anyRequestable}>
              {pending ? "Requesting…" : "Request service"}
            </Button>
          </div>
        </form>
      )}
    </DialogContent>
  );
}
