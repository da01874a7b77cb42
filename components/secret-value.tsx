"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { clsx } from "clsx";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "./ui/button";
import { CopyButton } from "./copy-button";

/** How long a fetched value stays in memory (never on the page) after it was last shown. */
const FORGET_AFTER_MS = 30_000;
const MASK = "•".repeat(24);

/**
 * A secret's value: hidden, shown while the pointer holds over the box (Indeed's behaviour),
 * while the box has keyboard focus, or while "Show" is pressed. The value is fetched from the
 * server only when it is first shown (each fetch is a logged reveal), kept in memory briefly so
 * that moving the pointer back does not fetch it again, and is never in the page's HTML.
 */
export function SecretValue({
  name,
  reveal,
}: {
  /** What the secret is called, e.g. "secret Production server": names the controls. */
  name: string;
  reveal: () => Promise<ActionResult<{ value: string }>>;
}) {
  const id = useId();
  const [value, setValue] = useState<string | null>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Promise<string | null> | null>(null);
  const forget = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = hovered || focused || pinned;

  const fetchValue = useCallback(async (): Promise<string | null> => {
    if (value !== null) return value;
    pending.current ??= (async () => {
      setLoading(true);
      setError(null);
      try {
        const result = await reveal();
        if (result.ok && result.data) {
          setValue(result.data.value);
          return result.data.value;
        }
        setError(result.ok ? "The console did not return the value." : result.error);
        return null;
      } catch {
        setError("The console could not be reached. Check your connection and try again.");
        return null;
      } finally {
        setLoading(false);
        pending.current = null;
      }
    })();
    return pending.current;
  }, [reveal, value]);

  useEffect(() => {
    clearTimeout(forget.current);
    if (shown) {
      void fetchValue();
    } else if (value !== null) {
      forget.current = setTimeout(() => setValue(null), FORGET_AFTER_MS);
    }
    return () => clearTimeout(forget.current);
  }, [shown, value, fetchValue]);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div
          tabIndex={0}
          role="group"
          aria-label={`Value of ${name}`}
          aria-describedby={`${id}-hint`}
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          data-state={shown && value ? "shown" : "hidden"}
          className={clsx(
            "min-h-9 min-w-0 flex-1 basis-72 cursor-default rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm",
            "focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
          )}
        >
          {shown && value ? (
            <code className="block break-all text-slate-900" data-testid="secret-value">
              {value}
            </code>
          ) : (
            <span className="block select-none text-slate-500" aria-hidden="true">
              {shown && loading ? "Loading…" : MASK}
            </span>
          )}
          {!(shown && value) ? <span className="sr-only">{shown && loading ? "Loading the value" : "Hidden"}</span> : null}
        </div>
        {/* A toggle keeps its name; aria-pressed (and the pressed look) says whether it is on. */}
        <Button
          variant="secondary"
          aria-pressed={pinned}
          onClick={() => setPinned((p) => !p)}
          className={clsx("px-3 py-1.5", pinned && "border-brand-600 bg-brand-50 text-brand-700 hover:bg-brand-50")}
        >
          Show
          <span className="sr-only"> {name}</span>
        </Button>
        <CopyButton value={fetchValue} label={name} />
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Hold the pointer over the box, focus it or select Show to see the value. Every view is recorded in the activity log.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
