// GET: the services tab's data (services with their timelines, removed services, request
// options), polled by the open page. 401 without a session, 404 for an app the user cannot see.
import type { NextRequest } from "next/server";
import { loadServicesView } from "@/lib/views/services";
import { forUser, json, notFoundJson } from "../../../_lib/respond";

export async function GET(_request: NextRequest, ctx: RouteContext<"/api/console/apps/[appId]/services">) {
  const { appId } = await ctx.params;
  return forUser("GET /api/console/apps/[appId]/services", async (user) => {
    const view = await loadServicesView(user, appId);
    return view ? json(view) : notFoundJson();
  });
}
