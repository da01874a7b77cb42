// GET /indeed/continue?request=<handle>: takes a pending authorize request to its next step for
// whoever is signed in (after sign-in, or when a page finds its step already behind it).
import type { NextRequest } from "next/server";
import { nextStep } from "@/lib/providers/indeed/authorization-flow";
import { findSandboxSession } from "@/lib/providers/indeed/sessions";
import { stepResponse } from "../_lib/responses";
import { SESSION_COOKIE } from "../_lib/session";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const handle = request.nextUrl.searchParams.get("request") ?? "";
  const account = await findSandboxSession(request.cookies.get(SESSION_COOKIE)?.value);
  return stepResponse(handle, await nextStep(handle, account));
}
