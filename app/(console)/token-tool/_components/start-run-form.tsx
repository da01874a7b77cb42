"use client";

// Starts a run: the app (choosing another reloads the page for it), the flow, the target and the
// secret, by its label; the value stays on the server. The run's page runs the steps.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { ActionResult } from "@/lib/action-result";
import type { TargetKind } from "@/lib/token-tool/targets";
import { startRunAction } from "../actions";

interface Props {
  apps: { id: string; name: string; provider: string; partner: string | null }[];
  appId: string;
  flows: { id: string; title: string; description: string }[];
  targets: { kind: TargetKind; label: string }[];
  secrets: { id: string; label: string }[];
  clientId: string | null;
  canRun: boolean;
}

export function StartRunForm({ apps, appId, flows, targets, secrets, clientId, canRun }: Props) {
  const router = useRouter();
  const [flow, setFlow] = useState(flows[0]?.id ?? "");
  const [target, setTarget] = useState<TargetKind>("emulator");
  const [baseUrl, setBaseUrl] = useState("");
  const [secretId, setSecretId] = useState(secrets[0]?.id ?? "");
  const [result, setResult] = useState<ActionResult<{ runId: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  const chosen = flows.find((f) => f.id === flow);
  const problem = flows.length === 0 ? "The token tool has no flows for this app’s provider yet." : secrets.length === 0 ? "This app has no active secret: add one on its Credentials tab." : null;

  function start(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await startRunAction({ appId, flow, target, baseUrl, secretId });
      setResult(outcome);
      if (outcome.ok && outcome.data) router.push(`/token-tool/runs/${outcome.data.runId}`);
    });
  }

  return (
    <form onSubmit={start} className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="Start a run">
      <SelectField label="App" value={appId} onChange={(e) => router.push(`/token-tool?app=${encodeURIComponent(e.target.value)}`)}>
        {apps.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.provider}
            {a.partner ? `, ${a.partner}` : ""})
          </option>
        ))}
      </SelectField>
      <SelectField label="Flow" value={flow} onChange={(e) => setFlow(e.target.value)} errors={errors("flow")} hint={chosen?.description}>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title}
          </option>
        ))}
      </SelectField>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">Target</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {targets.map((t) => (
            <label key={t.kind} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="target" value={t.kind} checked={target === t.kind} onChange={() => setTarget(t.kind)} />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      {target === "custom" ? (
        <TextField
          label="Issuer or base URL"
          className="sm:col-span-2"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder="https://idp.example.com"
          errors={errors("baseUrl")}
          hint="The requests go there through the console’s outbound rules, with a deadline of a few seconds."
        />
      ) : null}
      <SelectField
        label="Secret"
        value={secretId}
        onChange={(e) => setSecretId(e.target.value)}
        errors={errors("secretId")}
        hint={clientId ? `Client id ${clientId}. The secret is chosen by its name and used on the server only.` : undefined}
      >
        {secrets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-col justify-end gap-2 sm:col-span-2">
        {problem ? <p className="text-sm text-slate-700">{problem}</p> : null}
        <FormMessage result={result && !result.ok ? result : null} />
        <div>
          <Button type="submit" disabled={!canRun || pending || problem !== null}>
            {pending ? "Starting…" : "Start run"}
          </Button>
        </div>
      </div>
    </form>
  );
}
