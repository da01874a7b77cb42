import type { Metadata } from "next";
import Link from "next/link";
import { csrfToken } from "@/lib/providers/indeed/sessions";
import { currentSandboxAccount, sessionToken } from "../_lib/session";
import { indeedSignOutAction } from "./actions";

// The emulated Indeed site: its own look, no console chrome. The layout only decorates (the
// signed-in account in the header); every page checks the session itself.
export const metadata: Metadata = {
  title: { default: "Indeed (sandbox)", template: "%s | Indeed (sandbox)" },
  robots: { index: false, follow: false },
};

export default async function IndeedLayout({ children }: { children: React.ReactNode }) {
  const account = await currentSandboxAccount();
  const token = account ? await sessionToken() : undefined;
  return (
    <div className="flex min-h-screen flex-col bg-stone-100 text-stone-900">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <p className="text-2xl font-bold tracking-tight text-brand-600">
            indeed
            <span className="ml-2 rounded border border-stone-400 px-1.5 py-0.5 align-middle text-xs font-medium tracking-normal text-stone-600">
              Sandbox
            </span>
          </p>
          {account && token ? (
            <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              <span className="text-stone-700">{account.email}</span>
              <nav aria-label="Account">
                <Link href="/indeed/authorized-applications">Authorized applications</Link>
              </nav>
              <form action={indeedSignOutAction}>
                <input type="hidden" name="csrf" value={csrfToken(token, "sign-out")} />
                <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium hover:bg-stone-50">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <p className="mx-auto max-w-3xl px-4 py-4 text-xs text-stone-600">
          A sandbox emulation of Indeed&apos;s sign-in and OAuth screens, for testing integrations. Not affiliated with a real Indeed
          account.
        </p>
      </footer>
    </div>
  );
}
