import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestAppName } from "@/lib/providers/indeed/authorization-flow";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { currentSandboxAccount } from "../../_lib/session";
import { SignInForm } from "@/components/sign-in-form";
import { indeedSignInAction } from "../actions";
import { SiteCard } from "../_components/site-card";

export const metadata: Metadata = { title: "Sign in" };

export default async function IndeedSignInPage({ searchParams }: PageProps<"/indeed/sign-in">) {
  const { request } = await searchParams;
  const handle = isRequestHandle(request) ? request : undefined;
  if (await currentSandboxAccount()) {
    redirect(handle ? `/indeed/continue?request=${handle}` : "/indeed/authorized-applications");
  }
  const appName = handle ? await requestAppName(handle) : null;
  return (
    <SiteCard id="sign-in-title" title="Sign in" description={appName ? `to continue to ${appName}` : "to your sandbox Indeed account"} width="max-w-sm">
      <div className="mt-5">
        <SignInForm action={indeedSignInAction} next={appName && handle ? { name: "request", value: handle } : undefined} />
      </div>
    </SiteCard>
  );
}
