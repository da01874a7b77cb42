// The token tool's redirect URI: Indeed sends the browser here after consent (or with an error).
// The run is found by `state` in the database, so any instance can answer; the exchange runs on
// the server and the browser lands on the run's page, which shows what happened.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/public-origin";
import { receiveCallback } from "@/lib/token-tool/runner";
import { explainCallbackFailure } from "@/lib/token-tool/callback";
import { isAppError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";

export async function GET(request: Request): Promise<Response> {
  const origin = publicOrigin(request);
  const url = new URL(request.url);
  const callback = new URL(`${origin}${url.pathname}${url.search}`);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, origin), 303);
  try {
    const runId = await receiveCallback(user, callback, origin);
    if (runId) return NextResponse.redirect(new URL(`/token-tool/runs/${runId}`, origin), 303);
    return NextResponse.redirect(new URL("/token-tool?callback=unknown", origin), 303);
  } catch (error) {
    if (!isAppError(error)) logUnexpected(error, { route: "GET /token-tool/callback" });
    return NextResponse.redirect(new URL(`/token-tool?callback=${explainCallbackFailure(error)}`, origin), 303);
  }
}
