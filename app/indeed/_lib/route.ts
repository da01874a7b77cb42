import "server-only";
// The emulator's HTML route handlers (authorize, continue, the consent and employer posts) answer
// what they did not handle themselves as a page, never as a bare 500: a database outage as 503
// with Retry-After (docs/decisions/024), anything else with a logged reference.
import { RETRY_AFTER } from "@/lib/db-unavailable";
import { outageAnswer } from "@/lib/oauth/errors";
import { logUnexpected } from "@/lib/log";
import { errorPage } from "./responses";

export function outagePage(): Response {
  const page = errorPage(503, "Indeed is temporarily unavailable", "The sandbox cannot reach its database right now. Nothing was lost: try again in a moment.");
  for (const [name, value] of Object.entries(RETRY_AFTER)) page.headers.set(name, value);
  return page;
}

export function emulatorPage<Args extends unknown[]>(route: string, handle: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handle(...args);
    } catch (error) {
      if (outageAnswer(error)) return outagePage();
      const id = logUnexpected(error, { route });
      return errorPage(500, "Indeed could not handle this sign-in", "Something went wrong on our side. Go back to the app and try again.", `reference ${id}`);
    }
  };
}
