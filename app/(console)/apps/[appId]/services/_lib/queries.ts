// The services tab's live query: its key and fetcher, shared by every component that reads or
// refreshes it. Free of server-only imports (the view type is erased at build time).
import { queryOptions } from "@tanstack/react-query";
import type { ServicesView } from "./view";

export const POLL_INTERVAL_MS = 5_000;

export class HttpError extends Error {
  override name = "HttpError";
  constructor(readonly status: number) {
    super(`The console answered ${status}.`);
  }
}

export const servicesKeys = {
  all: ["services"] as const,
  app: (appId: string) => ["services", appId] as const,
};

export async function fetchServicesView(appId: string, signal?: AbortSignal): Promise<ServicesView> {
  const response = await fetch(`/api/console/apps/${encodeURIComponent(appId)}/services`, {
    headers: { accept: "application/json" },
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new HttpError(response.status);
  return (await response.json()) as ServicesView;
}

export function servicesQuery(appId: string) {
  return queryOptions({
    queryKey: servicesKeys.app(appId),
    queryFn: ({ signal }) => fetchServicesView(appId, signal),
    // Stop asking once the answer is final (signed out, app gone); retry other failures.
    refetchInterval: (query) => {
      const status = (query.state.error as HttpError | null)?.status;
      return status === 401 || status === 403 || status === 404 ? false : POLL_INTERVAL_MS;
    },
    refetchOnWindowFocus: true,
    // Only while the page is open: coming back renders fresh server data again.
    gcTime: 0,
  });
}
