import "server-only";
import { redirect } from "next/navigation";
import { viewStep } from "@/lib/providers/indeed/authorization-flow";
import { csrfToken } from "@/lib/providers/indeed/sessions";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { currentSandboxAccount, sessionToken } from "../../_lib/session";

type ViewStep = Awaited<ReturnType<typeof viewStep>>;

/**
 * The pending request's step, for the page that shows `kind`: signed out goes to sign-in, any
 * other step to /indeed/continue, which sends it where it belongs. A gone request comes back
 * with its reason, for the page to explain; otherwise with the account and the CSRF token its form carries,
 * bound to this session and request.
 */
export async function pendingStep<K extends "consent" | "employer">(request: unknown, kind: K) {
  const handle = isRequestHandle(request) ? request : "";
  const account = await currentSandboxAccount();
  const step = await viewStep(handle, account);
  if (step.kind === "gone") return { gone: step.reason };
  if (step.kind === "sign-in") redirect(`/indeed/sign-in?request=${handle}`);
  if (step.kind !== kind) redirect(`/indeed/continue?request=${handle}`);
  // A step past sign-in has a session, and so its token and account.
  const token = (await sessionToken())!;
  return { gone: null, handle, step: step as Extract<ViewStep, { kind: K }>, account: account!, csrf: csrfToken(token, handle) };
}
