"use client";

import Link from "next/link";

// Shown for unexpected errors. The server logged the details with this digest; the page shows
// only the digest, never the error's message or stack.
export function ErrorContent({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-md text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        The console could not complete this request. Please try again; if it keeps happening, contact support
        {error.digest ? (
          <>
            {" "}
            and quote the reference <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="text-brand-700 underline">
          Try again
        </button>
        <Link href="/dashboard">Go to the dashboard</Link>
      </div>
    </div>
  );
}
