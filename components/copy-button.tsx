"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "./ui/button";

type Source = string | (() => Promise<string | null>);

/**
 * Copies a value to the clipboard and says so. `value` may be a function that fetches it at
 * that moment (a secret is fetched only when someone asks for it); it resolves to null when the
 * fetch was refused, which the caller reports.
 */
export function CopyButton({ value, label, className }: { value: Source; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copying" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    setState("copying");
    try {
      const text = typeof value === "string" ? value : await value();
      if (text === null) {
        setState("idle");
        return;
      }
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy} disabled={state === "copying"} className={className ?? "px-3 py-1.5"}>
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {label}</span>
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {state === "copied" ? <span className="sr-only">{label} copied to the clipboard.</span> : null}
        {state === "failed" ? "The browser did not allow copying: select the value and copy it yourself." : null}
      </span>
    </span>
  );
}
