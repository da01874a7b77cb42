// Indeed's appinfo endpoint (client credentials token with employer_access): lib/providers/indeed/resources.ts.
import { appinfoEndpoint } from "@/lib/providers/indeed/resources";

export function GET(request: Request): Promise<Response> {
  return appinfoEndpoint(request);
}
