// SEEK's partner token endpoint (auth.seek.com/oauth/token): lib/providers/seek/partner-token.ts.
import { methodNotAllowed } from "@/lib/providers/seek/method-not-allowed";
import { partnerTokenEndpoint } from "@/lib/providers/seek/partner-token";

export function POST(request: Request): Promise<Response> {
  return partnerTokenEndpoint(request);
}

export function GET(request: Request): Promise<Response> {
  return methodNotAllowed(request, "PARTNER_TOKEN", "GET /seek/oauth/token");
}
