// SEEK's public signing keys, from the same encrypted store as Indeed's.
import { logUnexpected } from "@/lib/log";
import { publishedKeys } from "@/lib/oauth/signing-keys";

export async function GET(): Promise<Response> {
  try {
    const jwks = await publishedKeys("SEEK");
    return Response.json(jwks, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    const id = logUnexpected(error, { route: "GET /seek/.well-known/jwks.json" });
    return Response.json({ error: "server_error", error_description: `The keys could not be read (reference ${id}).` }, { status: 500 });
  }
}
