// The Indeed emulator's JWKS: public signing keys only.
import { jwksResponse } from "@/lib/providers/indeed/discovery";

export function GET(): Promise<Response> {
  return jwksResponse();
}
