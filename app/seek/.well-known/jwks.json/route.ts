// SEEK's public signing keys, from the same encrypted store as Indeed's (lib/oauth/jwks.ts).
import { jwksResponse } from "@/lib/oauth/jwks";

export function GET(): Promise<Response> {
  return jwksResponse("SEEK", "GET /seek/.well-known/jwks.json");
}
