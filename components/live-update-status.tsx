import { formatDateTime } from "./date-time";

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * Says why a live view stopped updating, and since when its data dates. Renders nothing while
 * polling works. Inside a status region, so the change is announced once, politely.
 */
export function LiveUpdateStatus({
  error,
  updatedAt,
  notFound = "This is no longer available to you.",
}: {
  error: unknown;
  updatedAt: number;
  notFound?: string;
}) {
  let message: React.ReactNode = null;
  if (error) {
    const status = statusOf(error);
    if (status === 401) {
      message = (
        <>
          Your session has ended, so this page no longer updates. <a href="/sign-in">Sign in again</a>.
        </>
      );
    } else if (status === 404 || status === 403) {
      message = notFound;
    } else {
      message = `Live updates are paused: the console could not be reached. Showing the status as of ${formatDateTime(updatedAt)}; retrying.`;
    }
  }
  return (
    <div role="status">
      {message ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{message}</p>
      ) : null}
    </div>
  );
}
