"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormMessage } from "@/components/form-message";
import type { ActionResult } from "@/lib/action-result";
import { verifySignatureAction } from "../actions";
import { Card } from "@/components/ui/card";

type Verdict = { matches: boolean; expected: string; given: string; bodyBytes: number };

/** Paste a body and a signature, or a whole captured request: was it signed with this app's secret? */
export function SignatureVerifier({ appId }: { appId: string }) {
  const [mode, setMode] = useState<"parts" | "captured">("parts");
  const [body, setBody] = useState("");
  const [signature, setSignature] = useState("");
  const [captured, setCaptured] = useState("");
  const [result, setResult] = useState<ActionResult<Verdict> | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const verdict = result?.ok ? result.data : undefined;

  return (
    <Card id="verify-heading" title="Signature verifier" className="mt-6">
      <p className="mt-1 text-sm text-slate-600">
        Check a signature your endpoint computed or received: the body must be exactly the bytes received, before any parsing.
      </p>
      <fieldset className="mt-3 flex gap-4 text-sm">
        <legend className="sr-only">What to paste</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="verify-mode" checked={mode === "parts"} onChange={() => setMode("parts")} /> Body and signature
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="verify-mode" checked={mode === "captured"} onChange={() => setMode("captured")} /> Whole captured request
        </label>
      </fieldset>
      <form
        noValidate
        className="mt-3 flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            setResult(await verifySignatureAction(mode === "parts" ? { appId, mode, body, signature } : { appId, mode, captured }));
          });
        }}
      >
        {mode === "parts" ? (
          <>
            <TextareaField
              label="Raw body"
              rows={6}
              spellCheck={false}
              className="font-mono"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              errors={fieldErrors.body}
            />
            <TextField
              label="X-Indeed-Signature"
              autoComplete="off"
              spellCheck={false}
              value={signature}
              onChange={(e) => setSignature(e.target.value)}
              errors={fieldErrors.signature}
            />
          </>
        ) : (
          <TextareaField
            label="Captured request"
            rows={8}
            spellCheck={false}
            className="font-mono"
            hint="The request line, the headers, an empty line, then the body."
            value={captured}
            onChange={(e) => setCaptured(e.target.value)}
            errors={fieldErrors.captured ?? fieldErrors.body}
          />
        )}
        <Button type="submit" className="self-start" disabled={pending}>
          {pending ? "Checking…" : "Verify signature"}
        </Button>
      </form>
      <div className="mt-3">
        {result && !result.ok ? <FormMessage result={result} /> : null}
        {verdict ? (
          <div
            role="status"
            className={
              verdict.matches
                ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
                : "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
            }
          >
            <p className="font-semibold">{verdict.matches ? "Signed with this app’s secret." : "Not signed with this app’s secret."}</p>
            <p>
              Expected signature of these {verdict.bodyBytes.toLocaleString("en")} bytes: <code className="break-all">{verdict.expected}</code>
            </p>
            {!verdict.matches ? (
              <p>
                Given: <code className="break-all">{verdict.given}</code>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
