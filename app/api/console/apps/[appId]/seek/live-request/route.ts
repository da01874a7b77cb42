// GET: a SEEK app's live self-service state (approved or not, and the app's latest request
// with the admin's answer), polled by the open Credentials tab. 401 without a session, 404 for
// an app the user cannot see or an Indeed app.
import type { NextRequest } from "next/server";
import { getLiveRequestState } from "@/lib/data/seek-credentials";
import { forUser, json, notFoundJson } from "../../../../_lib/respond";

export async function GET(_request: NextRequest, ctx: RouteContext<"/api/console/apps/[appId]/seek/live-request">) {
  const { appId } = await ctx.params;
  return forUser("GET /api/console/apps/[appId]/seek/live-request", async (user) => {
    const state = await getLiveRequestState(user, appId);
    return state ? json(state) : notFoundJson();
  });
}
