// GET /indeed/oauth/v2/authorize: Indeed's authorization endpoint. Validates the request
// (lib/providers/indeed/authorize.ts), stores it, and sends the browser to the emulator's
// sign-in, consent or employer page, or straight back to the client when nothing needs asking.
// A request whose client or redirect URI cannot be trusted gets an error page, never a redirect.
import type { NextRequest } from "next/server";
import { logUnexpected } from "@/lib/log";
import { authorizeLookup, createAuthorizationRequest, nextStep } from "@/lib/providers/indeed/authorization-flow";
import { findSandboxSession } from "@/lib/providers/indeed/sessions";
import { errorResponseUrl, readAuthorizeParams, validateAuthorizeRequest } from "@/lib/providers/indeed/authorize";
import { errorPage, seeOther, stepResponse } from "../../../_lib/responses";
import { SESSION_COOKIE } from "../../../_lib/session";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  try {
    return await authorize(request);
  } catch (error) {
    // Never a bare 500: the user sees a page, the log gets the reference.
    const id = logUnexpected(error, { route: "GET /indeed/oauth/v2/authorize" });
    return errorPage(500, "Indeed could not handle this sign-in", "Something went wrong on our side. Go back to the app and try again.", `reference ${id}`);
  }
}

async function authorize(request: NextRequest): Promise<Response> {
  const outcome = await validateAuthorizeRequest(readAuthorizeParams(request.nextUrl.search), authorizeLookup);
  switch (outcome.kind) {
    case "error-page":
      return errorPage(
        400,
        "This app's sign-in link is not valid",
        "The app that sent you here made a mistake, so Indeed cannot send you back to it. Contact the app's support team.",
        `${outcome.error.error}: ${outcome.error.description}`,
      );
    case "error-redirect":
      return seeOther(errorResponseUrl(outcome.redirectUri, outcome.error, outcome.state));
    case "valid": {
      const handle = await createAuthorizationRequest(outcome.request);
      const account = await findSandboxSession(request.cookies.get(SESSION_COOKIE)?.value);
      return stepResponse(handle, await nextStep(handle, account));
    }
  }
}
