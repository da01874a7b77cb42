import type { Metadata } from "next";
import { ConsentScreen } from "@/components/consent-screen";
import { GONE_MESSAGES } from "../../_lib/messages";
import { Notice } from "../_components/notice";
import { pendingStep } from "../_lib/pending-step";

export const metadata: Metadata = { title: "Allow access" };

// The consent screen of a pending request. The form names the request and carries a CSRF token
// bound to this session and request; client, redirect URI and scopes come from the stored request.
export default async function ConsentPage({ searchParams }: PageProps<"/indeed/consent">) {
  const { request } = await searchParams;
  const pending = await pendingStep(request, "consent");
  if (pending.gone) return <Notice role="alert" {...GONE_MESSAGES[pending.gone]} />;
  const { handle, step, account, csrf } = pending;
  return (
    <form method="post" action="/indeed/consent/submit">
      <input type="hidden" name="request" value={handle} />
      <input type="hidden" name="csrf" value={csrf} />
      <ConsentScreen
        appName={step.appName}
        partner={step.partner}
        requested={step.ask}
        alreadyGranted={step.keep}
        accountEmail={account.email}
      />
    </form>
  );
}
