"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/form-message";
import { callAction, type ActionResult } from "@/lib/action-result";
import { MAX_REDIRECT_URIS, MAX_REDIRECT_URI_LENGTH } from "@/lib/credentials/redirect-uri";
import { addRedirectUriAction, removeRedirectUriAction } from "../actions";


/** The Redirect URL Allowlist: exact URLs the authorization endpoint may send users back to. */
export function RedirectUris({
  appId,
  uris,
  canManage,
}: {
  appId: string;
  uris: { id: string; uri: string }[];
  canManage: boolean;
}) {
  const [uri, setUri] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const full = uris.length >= MAX_REDIRECT_URIS;

  function run(action: () => Promise<ActionResult>, after?: (answer: ActionResult) => void) {
    startTransition(async () => {
      const answer = await callAction(action);
      setResult(answer);
      after?.(answer);
    });
  }

  const uriErrors = result && !result.ok ? result.fieldErrors?.uri : undefined;
  return (
    <section aria-labelledby="redirect-heading" className="mt-6">
      <h3 id="redirect-heading" className="text-base font-semibold">
        Redirect URL Allowlist
      </h3>
      <p className="text-sm text-slate-600">
        Indeed sends users back only to these exact URLs ({uris.length} of {MAX_REDIRECT_URIS}). Use https://; http:// is
        allowed on localhost, 127.0.0.1 and [::1].
      </p>
      {uris.length === 0 ? (
        <p className="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No redirect URLs yet: the authorization code flow needs at least one.
        </p>
      ) : (
        <ul aria-label="Redirect URLs" className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {uris.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <code className="min-w-0 break-all text-sm text-slate-900">{r.uri}</code>
              {canManage ? (
                <Button
                  variant="secondary"
                  className="px-3 py-1.5"
                  disabled={pending}
                  onClick={() => run(() => removeRedirectUriAction({ appId, redirectUriId: r.id }))}
                >
                  Delete<span className="sr-only"> {r.uri}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form
          noValidate
          className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => addRedirectUriAction({ appId, uri }),
              (answer) => {
                if (answer.ok) setUri("");
              },
            );
          }}
        >
          <TextField
            label="Redirect URL"
            name="uri"
            type="text"
            inputMode="url"
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            placeholder="https://example.com/oauth/callback"
            maxLength={MAX_REDIRECT_URI_LENGTH + 1}
            value={uri}
            onChange={(e) => setUri(e.target.value)}
            errors={uriErrors}
            hint={full ? `The allowlist is full. Delete a URL to add another.` : "No fragments (#), wildcards (*) or user names (user@host)."}
            className="flex-1"
          />
          <Button type="submit" disabled={pending || full} aria-disabled={pending || full} className="sm:mt-6">
            {pending ? "Saving…" : "Add URL"}
          </Button>
        </form>
      ) : null}
      {uriErrors ? null : (
        <div className="mt-3">
          <FormMessage result={result} />
        </div>
      )}
    </section>
  );
}
