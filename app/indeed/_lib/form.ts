import "server-only";
import type { NextRequest } from "next/server";
import { findSandboxSession, isValidCsrfToken, type SandboxSessionAccount } from "@/lib/providers/indeed/sessions";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { CSRF_MESSAGE, GONE_MESSAGES } from "./messages";
import { errorPage, seeOther } from "./responses";
import { SESSION_COOKIE } from "./session";

/** The urlencoded or multipart body of a form post, or null when there is none to read. */
export async function readForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export type RequestPost =
  | { ok: true; form: FormData; handle: string; account: SandboxSessionAccount }
  | { ok: false; response: Response };

/**
 * A form post from one of the emulator's pages about an authorization request: it names a known
 * request, comes from a signed-in account, and carries that session's CSRF token for the request.
 * Anything else ends here with the response to send.
 */
export async function readRequestPost(request: NextRequest): Promise<RequestPost> {
  const form = await readForm(request);
  const handle = form?.get("request");
  if (!form || !isRequestHandle(handle)) {
    return { ok: false, response: errorPage(400, GONE_MESSAGES.unknown.title, GONE_MESSAGES.unknown.message) };
  }
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  const account = await findSandboxSession(token);
  if (!account) return { ok: false, response: seeOther(`/indeed/sign-in?request=${handle}`) };
  if (!isValidCsrfToken(token, handle, form.get("csrf"))) {
    return { ok: false, response: errorPage(403, CSRF_MESSAGE.title, CSRF_MESSAGE.message) };
  }
  return { ok: true, form, handle, account };
}
