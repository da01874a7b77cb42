// How the dashboard's URL (?page=, ?q=) becomes a query and back, the same for the page, its
// JSON route and the polling client. Browser-safe.

export interface DashboardQuery {
  page: number;
  search: string;
}

/** ?page= and ?q= as the dashboard reads them (the data layer clamps the page again). */
export function dashboardQueryFrom(params: { page?: string | null; q?: string | null }): DashboardQuery {
  const page = Math.trunc(Number(params.page ?? 1));
  return { page: Number.isFinite(page) && page > 0 ? page : 1, search: (params.q ?? "").trim().slice(0, 100) };
}

export function dashboardSearchParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set("q", query.search);
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}
