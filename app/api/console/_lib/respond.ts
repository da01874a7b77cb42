import "server-only";
// The console's JSON read endpoints (polled by the live views): the session decides, like every
// page; nothing is cached anywhere; expected errors keep their status and message, anything
// else is logged with an id and answered generically (lib/errors.ts).
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function notFoundJson(): Response {
  return json({ error: "This app does not exist, or you do not have access to it." }, 404);
}

/** Runs `handle` for the signed-in user; 401 without a session. */
export async function forUser(route: string, handle: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return json({ error: "Sign in to continue." }, 401);
    return await handle(user);
  } catch (error) {
    if (isAppError(error)) return json({ error: error.message, code: error.code }, error.status);
    const id = logUnexpected(error, { route });
    return json({ error: `Something went wrong. Please try again (reference ${id}).` }, 500);
  }
}
