// GET: one page of the dashboard's apps with their services (?page=, ?q=), polled by the open
// dashboard. 401 JSON without a session.
import type { NextRequest } from "next/server";
import { loadDashboardView } from "@/lib/views/dashboard";
import { dashboardQueryFrom } from "@/lib/views/dashboard-query";
import { forUser, json } from "../_lib/respond";

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const query = dashboardQueryFrom({ page: params.get("page"), q: params.get("q") });
  return forUser("GET /api/console/dashboard", async (user) => json(await loadDashboardView(user, query)));
}
