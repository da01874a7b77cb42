"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/field";
import type { TargetKind } from "@/lib/token-tool/targets";

/**
 * Where a testing tool sends its requests: one radio per target and, for a custom target, its
 * base URL. Used by the token tool and the service testing tools.
 */
export function TargetFields({
  targets,
  choice: { target, setTarget, baseUrl, setBaseUrl },
  baseUrlField,
  errors,
  wide = false,
}: {
  targets: { kind: TargetKind; label: string }[];
  choice: TargetChoice;
  /** The custom base URL field's label, example and hint. */
  baseUrlField: { label: string; placeholder: string; hint: string };
  errors?: string[];
  /** Span both columns of a two-column form. */
  wide?: boolean;
}) {
  const span = wide ? "sm:col-span-2" : undefined;
  return (
    <>
      <fieldset className={span}>
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
        <TextField {...baseUrlField} className={span} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} errors={errors} />
      ) : null}
    </>
  );
}

export type TargetChoice = ReturnType<typeof useTargetChoice>;

/** The chosen target, this console's emulator to begin with, and the custom base URL typed. */
export function useTargetChoice() {
  const [target, setTarget] = useState<TargetKind>("emulator");
  const [baseUrl, setBaseUrl] = useState("");
  return { target, setTarget, baseUrl, setBaseUrl };
}
