// SEEK's public signing keys, from the same encrypted store as Indeed's (lib/oauth/jwks.ts).
import { jwksResponse } from "@/lib/oauth/jwks";
import { SEEK_KEYS } from "@/lib/providers/seek/keys";

export function GET(): Promise<Response> {
  return jwksResponse(SEEK_KEYS, "GET /seek/.well-known/jwks.json");
}
