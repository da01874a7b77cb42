// SEEK's browser token endpoint (graphql.seek.com/auth/token): lib/providers/seek/browser-token.ts.
import { browserTokenEndpoint } from "@/lib/providers/seek/browser-token";
import { methodNotAllowed } from "@/lib/providers/seek/method-not-allowed";

export function POST(request: Request): Promise<Response> {
  return browserTokenEndpoint(request);
}

export function GET(request: Request): Promise<Response> {
  return methodNotAllowed(request, "BROWSER_TOKEN", "GET /seek/auth/token");
}
