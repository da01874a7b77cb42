// The emulator's issuer: `<public origin>/indeed`, so that a client changes only its base URL.
// Authorization responses carry it as `iss` (RFC 9207).
import { publicOrigin } from "@/lib/public-origin";

export function indeedIssuer(request: Request): string {
  return `${publicOrigin(request)}/indeed`;
}
