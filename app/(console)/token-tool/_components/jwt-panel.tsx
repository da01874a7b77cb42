"use client";

// A JWT the run received: header and claims decoded, iat/exp/nbf as dates with a live
// countdown to expiry, the signature's verdict (which key, or why it failed), and `Show in full`
// while the run's vault still holds the token (fetched from the server on request only).
import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/date-time";
import { Button } from "@/components/ui/button";
import type { KeptToken } from "@/lib/token-tool/flow";
import type { JwtReport } from "@/lib/token-tool/jwt";
import { revealTokenAction } from "../actions";

function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

function left(seconds: number): string {
  if (seconds <= 0) return "expired";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `expires in ${h > 0 ? `${h} h ` : ""}${h > 0 || m > 0 ? `${m} min ` : ""}${s} s`;
}

export function Countdown({ exp }: { exp: number }) {
  const now = useNow();
  if (now === null) return null;
  const seconds = Math.round(exp - now / 1000);
  return <span className={seconds <= 0 ? "text-red-700" : "text-slate-700"}>({left(seconds)})</span>;
}

function Reveal({ runId, name }: { runId: string; name: string }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function toggle() {
    if (value !== null) return setValue(null);
    setPending(true);
    const result = await revealTokenAction({ runId, name });
    setPending(false);
    if (result.ok && result.data) {
      setValue(result.data.value);
      setError(null);
    } else if (!result.ok) setError(result.error);
  }
  return (
    <div className="mt-2">
      <Button variant="secondary" className="px-3 py-1.5" onClick={toggle} disabled={pending} aria-expanded={value !== null}>
        {value !== null ? "Hide" : "Show in full"}
        <span className="sr-only"> {name}</span>
      </Button>
      {value !== null ? <code className="mt-2 block break-all rounded bg-white p-2 text-xs" aria-label={`${name} in full`}>{value}</code> : null}
      {error ? <p className="mt-1 text-sm text-red-700" role="alert">{error}</p> : null}
    </div>
  );
}

const TIMES = ["iat", "nbf", "exp"] as const;

export function JwtPanel({ runId, canReveal, report }: { runId: string; canReveal: boolean; report: JwtReport }) {
  const verified = report.verification;
  return (
    <section aria-label={`Token ${report.name}`} className="rounded-md border border-slate-200 p-3">
      <h4 className="text-sm font-semibold">
        <span className="font-mono">{report.name}</span> <span className="font-normal text-slate-600">{report.masked}</span>
      </h4>
      <p className={verified.ok ? "mt-1 text-sm text-emerald-800" : "mt-1 text-sm text-red-800"}>
        {verified.ok ? `✓ ${verified.summary}` : `✕ Signature not verified: ${verified.reason}`}
      </p>
      <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
        {TIMES.filter((t) => typeof report.claims[t] === "number").map((t) => {
          const at = report.claims[t] as number;
          return (
            <div key={t} className="contents">
              <dt className="font-mono text-slate-700">{t}</dt>
              <dd>
                {formatDateTime(at * 1000)} {t === "exp" ? <Countdown exp={at} /> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="mt-2 grid gap-2 lg:grid-cols-2">
        <div>
          <p className="text-xs font-semibold text-slate-700">Header</p>
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(report.header, null, 2)}</pre>
        </div>
        <div>
          <p className="text-xs font-semibold text-slate-700">Claims</p>
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs" aria-label={`Claims of ${report.name}`}>
            {JSON.stringify(report.claims, null, 2)}
          </pre>
        </div>
      </div>
      {canReveal && report.vaultName ? <Reveal runId={runId} name={report.vaultName} /> : null}
    </section>
  );
}

export function KeptTokenRow({ runId, canReveal, kept }: { runId: string; canReveal: boolean; kept: KeptToken }) {
  return (
    <section aria-label={`Token ${kept.name}`} className="rounded-md border border-slate-200 p-3 text-sm">
      <span className="font-mono">{kept.name}</span> <span className="text-slate-600">{kept.masked}</span>, kept until {formatDateTime(kept.expiresAt)}
      {canReveal ? <Reveal runId={runId} name={kept.name} /> : null}
    </section>
  );
}
