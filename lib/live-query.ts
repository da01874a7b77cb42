// The live pages' polling (the dashboard, an app's services tab): how often they ask, how they
// fetch their JSON route, and when they stop. Each feature keeps its own keys and options beside
// its components; this holds what they share. Browser-safe: no server-only imports.

/** How often an open live page asks for fresh data. */
export const POLL_INTERVAL_MS = 5_000;

/** A JSON route's refusal, with its HTTP status for the polling rules below. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(readonly status: number) {
    super(`The console answered ${status}.`);
  }
}

/** GETs a console JSON route, never from a cache; a non-2xx answer throws HttpError. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  if (!response.ok) throw new HttpError(response.status);
  return (await response.json()) as T;
}

/**
 * A TanStack Query `refetchInterval` that polls at POLL_INTERVAL_MS and stops once the last
 * answer was one of `finalStatuses` (signed out, the app gone): asking again cannot help.
 * Other failures keep being retried at the polling pace.
 */
export function pollUntil(finalStatuses: readonly number[]) {
  return (query: { state: { error: unknown } }): number | false => {
    const error = query.state.error;
    return error instanceof HttpError && finalStatuses.includes(error.status) ? false : POLL_INTERVAL_MS;
  };
}
