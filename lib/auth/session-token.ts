// Reading the session cookie Auth.js set at sign-in (lib/auth/config.ts), without Auth.js's
// auth(). That helper runs the whole session endpoint for every server render: it decrypts the
// token, then derives the key again and re-encrypts a refreshed cookie that a server component
// cannot set anyway, about a tenth of a dashboard view's CPU. Here: one decryption, with the
// same cookie name, salt and checks (decode() verifies the expiry), so sessions mean the same.
import { decode } from "next-auth/jwt";

/** Auth.js's session cookie: the __Secure- variant when the request came over https. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The id of the console session (a ConsoleSession row) the cookie names, or null when there is
 * no valid session cookie (missing, forged, expired, encrypted with another secret, or from
 * before sessions had rows). Whether the session is still live is the database's answer
 * (lib/data/console-sessions.ts). A cookie large enough for Auth.js to split into chunks would
 * read as no session: ours hold two ids and never get near that size.
 */
export async function sessionId(
  cookie: (name: string) => string | undefined,
  { secure, secret }: { secure: boolean; secret: string },
): Promise<string | null> {
  const name = sessionCookieName(secure);
  const token = cookie(name);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret, salt: name });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}
