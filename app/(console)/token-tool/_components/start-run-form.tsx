"use client";

// Starts a run: the app (choosing another reloads the page for it), the flow, the target and the
// secret, by its label; the value stays on the server. The run's page runs the steps.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { ActionResult } from "@/lib/action-result";
import type { TargetKind } from "@/lib/token-tool/targets";
import { startRunAction } from "../actions";
import { TargetFields, useTargetChoice } from "./target-fields";

const CUSTOM_TARGET = {
  label: "Issuer or base URL",
  placeholder: "https://idp.example.com",
  hint: "The requests go there through the console’s outbound rules, with a deadline of a few seconds.",
};

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
  const choice = useTargetChoice();
  const { target, baseUrl } = choice;
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
      <SelectField
        label="App"
        value={appId}
        onChange={(e) => router.push(`/token-tool?app=${encodeURIComponent(e.target.value)}`)}
        options={apps.map((a) => ({ value: a.id, label: `${a.name} (${a.provider}${a.partner ? `, ${a.partner}` : ""})` }))}
      />
      <SelectField
        label="Flow"
        value={flow}
        onChange={(e) => setFlow(e.target.value)}
        errors={errors("flow")}
        hint={chosen?.description}
        options={flows.map((f) => ({ value: f.id, label: f.title }))}
      />
      <TargetFields targets={targets} choice={choice} baseUrlField={CUSTOM_TARGET} errors={errors("baseUrl")} wide />
      <SelectField
        label="Secret"
        value={secretId}
        onChange={(e) => setSecretId(e.target.value)}
        errors={errors("secretId")}
        hint={clientId ? `Client id ${clientId}. The secret is chosen by its name and used on the server only.` : undefined}
        options={secrets.map((s) => ({ value: s.id, label: s.label }))}
      />
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
