import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestAppName } from "@/lib/providers/indeed/authorization-flow";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import { currentSandboxAccount } from "../../_lib/session";
import { SignInForm } from "@/components/sign-in-form";
import { indeedSignInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function IndeedSignInPage({ searchParams }: PageProps<"/indeed/sign-in">) {
  const { request } = await searchParams;
  const handle = isRequestHandle(request) ? request : undefined;
  if (await currentSandboxAccount()) {
    redirect(handle ? `/indeed/continue?request=${handle}` : "/indeed/authorized-applications");
  }
  const appName = handle ? await requestAppName(handle) : null;
  return (
    <section aria-labelledby="sign-in-title" className="mx-auto w-full max-w-sm rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h1 id="sign-in-title" className="text-xl font-semibold">
        Sign in
      </h1>
      <p className="mt-1 text-sm text-stone-700">
        {appName ? `to continue to ${appName}` : "to your sandbox Indeed account"}
      </p>
      <div className="mt-5">
        <SignInForm action={indeedSignInAction} next={appName && handle ? { name: "request", value: handle } : undefined} />
      </div>
    </section>
  );
}
