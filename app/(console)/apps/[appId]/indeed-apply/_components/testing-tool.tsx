"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { labelledOptions, SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import type { ActionResult } from "@/lib/action-result";
import type { TestSendRow } from "@/lib/data/indeed-apply-tests";
import type { SampleKind } from "@/lib/indeed-apply/samples";
import { sendTestApplicationAction } from "../actions";

type SendRequest = { kind: "signed" | "forged"; url: string; sample: SampleKind; body: string } | { kind: "repeat"; sendId: string };
import { SendDetails, SendVerdict } from "./send-details";

type Props = {
  appId: string;
  initialUrl: string;
  samples: Record<SampleKind, string>;
  sampleLabels: Record<SampleKind, string>;
  privateAddressesAllowed: boolean;
};

/** Endpoint, sample and body; Send, Send again (same body) and Send with a wrong signature. */
export function TestingTool({ appId, initialUrl, samples, sampleLabels, privateAddressesAllowed }: Props) {
  const [url, setUrl] = useState(initialUrl);
  const [sample, setSample] = useState<SampleKind>("resume-pdf");
  const [body, setBody] = useState(samples["resume-pdf"]);
  const [last, setLast] = useState<TestSendRow | null>(null);
  const [failure, setFailure] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldErrors = failure && !failure.ok ? (failure.fieldErrors ?? {}) : {};

  function run(input: SendRequest) {
    startTransition(async () => {
      const result = await sendTestApplicationAction({ appId, ...input });
      if (result.ok && result.data) {
        setLast(result.data);
        setFailure(null);
      } else {
        setFailure(result);
      }
    });
  }

  return (
    <div className="mt-4 flex flex-col gap-4">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          run({ kind: "signed", url, sample, body });
        }}
      >
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://ats.example.com/indeed/apply"
          hint={
            privateAddressesAllowed
              ? "Your postUrl. Remembered for this app."
              : "Your postUrl. Remembered for this app. It must be reachable from the internet."
          }
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          errors={fieldErrors.url}
        />
        <SelectField
          label="Sample application"
          name="sample"
          value={sample}
          onChange={(e) => {
            const kind = e.target.value as SampleKind;
            setSample(kind);
            setBody(samples[kind]);
          }}
          errors={fieldErrors.sample}
          options={labelledOptions(Object.keys(sampleLabels) as SampleKind[], sampleLabels)}
        />
        <TextareaField
          label="Application JSON"
          name="body"
          rows={14}
          spellCheck={false}
          className="font-mono"
          hint="Edit it freely: the signature is computed over exactly what is sent."
          value={body}
          onChange={(e) => setBody(e.target.value)}
          errors={fieldErrors.body}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Sending…" : "Send application"}
          </Button>
          <Button
            variant="secondary"
            disabled={pending || last === null}
            onClick={() => last && run({ kind: "repeat", sendId: last.id })}
          >
            Send again
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => run({ kind: "forged", url, sample, body })}>
            Send with a wrong signature
          </Button>
        </div>
      </form>
      <FormMessage result={failure} />
      {last ? (
        <section aria-labelledby="result-heading" aria-busy={pending}>
          <h3 id="result-heading" className="text-base font-semibold">
            Result
          </h3>
          <div className="mt-2">
            <SendVerdict send={last} />
          </div>
          <SendDetails send={last} />
        </section>
      ) : null}
    </div>
  );
}
