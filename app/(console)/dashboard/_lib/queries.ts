// The dashboard's live queries: keys and options, shared by its components. No server-only
// imports here (the view types are erased at build time).
import { queryOptions } from "@tanstack/react-query";
import { getJson, pollUntil } from "@/lib/live-query";
import { dashboardSearchParams, type DashboardQuery } from "@/lib/views/dashboard-query";
import type { DashboardView, UnseenChanges } from "@/lib/views/dashboard";

export type { DashboardQuery };

export const dashboardKeys = {
  all: ["dashboard"] as const,
  apps: (query: DashboardQuery) => ["dashboard", "apps", query.page, query.search] as const,
  unseenChanges: ["dashboard", "unseen-changes"] as const,
};

// Stop asking once signed out; keep retrying other failures at the polling pace.
const pollUnlessSignedOut = pollUntil([401]);

export function dashboardAppsQuery(query: DashboardQuery) {
  const params = dashboardSearchParams(query).toString();
  return queryOptions({
    queryKey: dashboardKeys.apps(query),
    queryFn: ({ signal }) => getJson<DashboardView>(`/api/console/dashboard${params ? `?${params}` : ""}`, signal),
    refetchInterval: pollUnlessSignedOut,
    refetchOnWindowFocus: true,
    // Only while the page is open: coming back renders fresh server data again.
    gcTime: 0,
  });
}

export function unseenChangesQuery() {
  return queryOptions({
    queryKey: dashboardKeys.unseenChanges,
    queryFn: ({ signal }) => getJson<UnseenChanges>("/api/console/dashboard/changes", signal),
    refetchInterval: pollUnlessSignedOut,
    refetchOnWindowFocus: true,
    gcTime: 0,
  });
}
