// POST /indeed/employer/submit: the employer picked on the selection screen, or none. The
// employer must be one of the signed-in account's; the request must be one it consented to.
import type { NextRequest } from "next/server";
import { submitEmployer } from "@/lib/data/indeed-authorization";
import { findSandboxSession, isValidCsrfToken } from "@/lib/data/sandbox-sessions";
import { EMPLOYER_ID } from "@/lib/data/sandbox";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { CSRF_MESSAGE, GONE_MESSAGES } from "../../../_lib/messages";
import { errorPage, seeOther, stepResponse } from "../../../_lib/responses";
import { readForm } from "../../../_lib/form";
import { SESSION_COOKIE } from "../../../_lib/session";

export async function POST(request: NextRequest) {
  const form = await readForm(request);
  const handle = form?.get("request");
  if (!form || !isRequestHandle(handle)) return errorPage(400, GONE_MESSAGES.unknown.title, GONE_MESSAGES.unknown.message);
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  const account = await findSandboxSession(token);
  if (!account) return seeOther(`/indeed/sign-in?request=${handle}`);
  if (!isValidCsrfToken(token, handle, form.get("csrf"))) return errorPage(403, CSRF_MESSAGE.title, CSRF_MESSAGE.message);
  const retry = seeOther(`/indeed/employer?request=${handle}&error=choose`);
  let employerId: string | null = null;
  if (form.get("choice") !== "none") {
    const picked = form.get("employer");
    if (typeof picked !== "string" || !EMPLOYER_ID.test(picked)) return retry;
    employerId = picked;
  }
  const step = await submitEmployer(handle, account, employerId);
  return step.kind === "invalid-employer" ? retry : stepResponse(handle, step);
}
