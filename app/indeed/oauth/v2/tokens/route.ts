// Indeed's token endpoint (all three grants): lib/providers/indeed/token-endpoint.ts.
import { tokenEndpoint } from "@/lib/providers/indeed/token-endpoint";

export function POST(request: Request): Promise<Response> {
  return tokenEndpoint(request);
}
