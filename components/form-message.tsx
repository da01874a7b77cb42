/** The outcome of a form, announced to screen readers. */
export function FormMessage({ result }: { result: { ok: boolean; error?: string; message?: string } | null | undefined }) {
  if (!result) return null;
  if (!result.ok && result.error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {result.error}
      </p>
    );
  }
  if (result.ok && result.message) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {result.message}
      </p>
    );
  }
  return null;
}
