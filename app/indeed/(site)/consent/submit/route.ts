// POST /indeed/consent/submit: the consent screen's Allow or Deny. Reads only the request handle,
// the CSRF token and the user's choices; everything else comes from the stored request.
import type { NextRequest } from "next/server";
import { submitConsent } from "@/lib/data/indeed-authorization";
import { findSandboxSession, isValidCsrfToken } from "@/lib/data/sandbox-sessions";
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
  const decision = form.get("decision") === "allow" ? "allow" : "deny";
  const ticked = form.getAll("scope").filter((v): v is string => typeof v === "string");
  return stepResponse(handle, await submitConsent(handle, account, decision, ticked));
}
