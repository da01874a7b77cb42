// The services tab's live query: its key and fetcher, shared by every component that reads or
// refreshes it. Free of server-only imports (the view type is erased at build time).
import { queryOptions } from "@tanstack/react-query";
import { getJson, pollUntil } from "@/lib/live-query";
import type { ServicesView } from "@/lib/views/services";

export const servicesKeys = {
  all: ["services"] as const,
  app: (appId: string) => ["services", appId] as const,
};

export function fetchServicesView(appId: string, signal?: AbortSignal): Promise<ServicesView> {
  return getJson<ServicesView>(`/api/console/apps/${encodeURIComponent(appId)}/services`, signal);
}

export function servicesQuery(appId: string) {
  return queryOptions({
    queryKey: servicesKeys.app(appId),
    queryFn: ({ signal }) => fetchServicesView(appId, signal),
    // Stop asking once the answer is final (signed out, app gone); retry other failures.
    refetchInterval: pollUntil([401, 403, 404]),
    refetchOnWindowFocus: true,
    // Only while the page is open: coming back renders fresh server data again.
    gcTime: 0,
  });
}
