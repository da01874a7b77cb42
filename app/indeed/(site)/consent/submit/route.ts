// POST /indeed/consent/submit: the consent screen's Allow or Deny. Reads only the request handle,
// the CSRF token and the user's choices; everything else comes from the stored request.
import type { NextRequest } from "next/server";
import { submitConsent } from "@/lib/providers/indeed/authorization-flow";
import { formAll } from "@/lib/form-data";
import { stepResponse } from "../../../_lib/responses";
import { readRequestPost } from "../../../_lib/form";

export async function POST(request: NextRequest) {
  const post = await readRequestPost(request);
  if (!post.ok) return post.response;
  const { form, handle, account } = post;
  const decision = form.get("decision") === "allow" ? "allow" : "deny";
  return stepResponse(handle, await submitConsent(handle, account, decision, formAll(form, "scope")));
}
