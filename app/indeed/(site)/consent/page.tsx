import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentScreen } from "@/components/consent-screen";
import { viewStep } from "@/lib/providers/indeed/authorization-flow";
import { csrfToken } from "@/lib/providers/indeed/sessions";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { GONE_MESSAGES } from "../../_lib/messages";
import { currentSandboxAccount, sessionToken } from "../../_lib/session";
import { Notice } from "../_components/notice";

export const metadata: Metadata = { title: "Allow access" };

// The consent screen of a pending request. The form names the request and carries a CSRF token
// bound to this session and request; client, redirect URI and scopes come from the stored request.
export default async function ConsentPage({ searchParams }: PageProps<"/indeed/consent">) {
  const { request } = await searchParams;
  const handle = isRequestHandle(request) ? request : "";
  const account = await currentSandboxAccount();
  const step = await viewStep(handle, account);
  if (step.kind === "gone") return <Notice role="alert" {...GONE_MESSAGES[step.reason]} />;
  if (step.kind === "sign-in") redirect(`/indeed/sign-in?request=${handle}`);
  if (step.kind !== "consent") redirect(`/indeed/continue?request=${handle}`);
  const token = (await sessionToken())!;
  return (
    <form method="post" action="/indeed/consent/submit">
      <input type="hidden" name="request" value={handle} />
      <input type="hidden" name="csrf" value={csrfToken(token, handle)} />
      <ConsentScreen
        appName={step.appName}
        partner={step.partner}
        requested={step.ask}
        alreadyGranted={step.keep}
        accountEmail={account!.email}
      />
    </form>
  );
}
