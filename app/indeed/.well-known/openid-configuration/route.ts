// OpenID Connect discovery of the Indeed emulator; the issuer is <public origin>/indeed.
import { discoveryResponse } from "@/lib/providers/indeed/discovery";

export function GET(request: Request): Response {
  return discoveryResponse(request);
}
