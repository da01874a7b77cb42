import "server-only";
import type { NextRequest } from "next/server";
import { findSandboxSession, isValidCsrfToken, type SandboxSessionAccount } from "@/lib/providers/indeed/sessions";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { isBodyError, readUrlEncoded } from "@/lib/http/read-body";
import { CSRF_MESSAGE, GONE_MESSAGES, TOO_LARGE_MESSAGE } from "./messages";
import { errorPage, seeOther } from "./responses";
import { SESSION_COOKIE } from "./session";

/**
 * The emulator's pages post small urlencoded forms (a request handle, a CSRF token, a few
 * scopes or an employer id); reading stops past this many bytes (docs/decisions/018).
 */
const MAX_FORM_BYTES = 8 * 1024;

type FormRead = { ok: true; form: URLSearchParams } | { ok: false; response: Response };

/** The urlencoded body of a form post, or the error page for a body that is none. */
async function readForm(request: Request): Promise<FormRead> {
  try {
    return { ok: true, form: await readUrlEncoded(request, { maxBytes: MAX_FORM_BYTES }) };
  } catch (error) {
    if (!isBodyError(error)) throw error;
    if (error.problem === "too-large") {
      return { ok: false, response: errorPage(413, TOO_LARGE_MESSAGE.title, TOO_LARGE_MESSAGE.message) };
    }
    return { ok: false, response: errorPage(400, GONE_MESSAGES.unknown.title, GONE_MESSAGES.unknown.message) };
  }
}

export type RequestPost =
  | { ok: true; form: URLSearchParams; handle: string; account: SandboxSessionAccount }
  | { ok: false; response: Response };

/**
 * A form post from one of the emulator's pages about an authorization request: it names a known
 * request, comes from a signed-in account, and carries that session's CSRF token for the request.
 * Anything else ends here with the response to send.
 */
export async function readRequestPost(request: NextRequest): Promise<RequestPost> {
  const read = await readForm(request);
  if (!read.ok) return read;
  const { form } = read;
  const handle = form.get("request");
  if (!isRequestHandle(handle)) {
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
