import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInForm } from "@/components/sign-in-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(target);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">Partner Console</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Sign in to your partner account</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm action={signInAction} next={target === "/dashboard" ? undefined : { name: "callbackUrl", value: target }} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          No account yet? Ask your Indeed representative or{" "}
          <a href="mailto:marketplacesupport@indeed.com">marketplacesupport@indeed.com</a>.
        </p>
      </div>
    </main>
  );
}
