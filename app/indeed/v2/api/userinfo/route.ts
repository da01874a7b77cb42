// Indeed's userinfo endpoint (GET or POST, RFC 6750 bearer token): lib/providers/indeed/resources.ts.
import { userinfoEndpoint } from "@/lib/providers/indeed/resources";

export function GET(request: Request): Promise<Response> {
  return userinfoEndpoint(request);
}

export function POST(request: Request): Promise<Response> {
  return userinfoEndpoint(request);
}
