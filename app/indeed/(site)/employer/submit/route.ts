// POST /indeed/employer/submit: the employer picked on the selection screen, or none. The
// employer must be one of the signed-in account's; the request must be one it consented to.
import type { NextRequest } from "next/server";
import { submitEmployer } from "@/lib/providers/indeed/authorization-flow";
import { EMPLOYER_ID } from "@/lib/data/sandbox";
import { seeOther, stepResponse } from "../../../_lib/responses";
import { readRequestPost } from "../../../_lib/form";

export async function POST(request: NextRequest) {
  const post = await readRequestPost(request);
  if (!post.ok) return post.response;
  const { form, handle, account } = post;
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
