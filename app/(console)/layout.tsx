import { getCurrentUser } from "@/lib/auth/session";
import { SiteHeader } from "./_components/site-header";
import { Providers } from "./providers";

// The layout only decorates: every page checks the session itself (layouts do not re-run on
// client navigation, so they must never be the thing that guards data).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        <Providers>{children}</Providers>
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-4 text-sm text-slate-600 sm:px-6">
          <span>Partner Console</span>
          <a href="https://docs.indeed.com/">Indeed developer documentation</a>
          <a href="https://developer.seek.com/">SEEK developer site</a>
          <a href="mailto:marketplacesupport@indeed.com">Support</a>
        </div>
      </footer>
    </div>
  );
}
