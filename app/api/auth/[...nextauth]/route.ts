// Auth.js's endpoints (sign-out, the CSRF token, the session). Its POSTs carry a few small form
// fields; the body is read here with the byte limit before Auth.js sees it, because Auth.js
// would otherwise read a body of any size to its end (docs/decisions/018).
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { isBodyError, readBytes } from "@/lib/http/read-body";

const MAX_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBytes(request, { maxBytes: MAX_BODY_BYTES });
  } catch (error) {
    if (!isBodyError(error)) throw error;
    return new Response(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
}
