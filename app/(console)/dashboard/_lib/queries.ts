// The dashboard's live queries: keys, fetchers and how the URL's ?page= and ?q= become a query,
// shared by the page, the route handlers and the components. No server-only imports here.
import { queryOptions } from "@tanstack/react-query";
import { hasControlCharacters } from "@/lib/plain-text";
import type { DashboardView, UnseenChanges } from "./view";

export const POLL_INTERVAL_MS = 5_000;

export interface DashboardQuery {
  page: number;
  search: string;
}

/**
 * ?page= and ?q= as the dashboard reads them (the data layer clamps the page again). A search
 * with control characters (?q=%00) matches no app name anyone could type: it reads as no search.
 */
export function dashboardQueryFrom(params: { page?: string | null; q?: string | null }): DashboardQuery {
  const page = Math.trunc(Number(params.page ?? 1));
  const q = [...(params.q ?? "").trim()].slice(0, 100).join("");
  return { page: Number.isFinite(page) && page > 0 ? page : 1, search: hasControlCharacters(q) ? "" : q };
}

export function dashboardSearchParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set("q", query.search);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

export class HttpError extends Error {
  override name = "HttpError";
  constructor(readonly status: number) {
    super(`The console answered ${status}.`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  if (!response.ok) throw new HttpError(response.status);
  return (await response.json()) as T;
}

export const dashboardKeys = {
  all: ["dashboard"] as const,
  apps: (query: DashboardQuery) => ["dashboard", "apps", query.page, query.search] as const,
  unseenChanges: ["dashboard", "unseen-changes"] as const,
};

// Stop asking once signed out; keep retrying other failures at the polling pace.
function pollUnlessSignedOut(query: { state: { error: unknown } }) {
  return (query.state.error as HttpError | null)?.status === 401 ? false : POLL_INTERVAL_MS;
}

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
