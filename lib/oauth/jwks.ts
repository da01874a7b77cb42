import "server-only";
// A provider's JWKS endpoint: public keys only, read from the database on every request so that a
// rotation on any instance is visible at once; clients may cache it for a minute. Through a
// database outage it serves what this instance last read (lib/oauth/signing-keys.ts); before
// the instance ever read them, the outage is a 503 with Retry-After (docs/decisions/024).
// @see RFC 7517 §5
import { RETRY_AFTER } from "../db-unavailable";
import { logUnexpected } from "../log";
import { outageAnswer } from "./errors";
import { publishedKeys, type KeyOwner } from "./signing-keys";

export async function jwksResponse(owner: KeyOwner, route: string): Promise<Response> {
  try {
    return Response.json(await publishedKeys(owner), { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    const outage = outageAnswer(error);
    if (outage) return Response.json(outage.toJSON(), { status: 503, headers: { "Cache-Control": "no-store", ...RETRY_AFTER } });
    const id = logUnexpected(error, { route });
    return Response.json({ error: "server_error", error_description: `The keys could not be read (reference ${id}).` }, { status: 500 });
  }
}
