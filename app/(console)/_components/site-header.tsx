import Link from "next/link";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";
import { signOutAction } from "../actions";
import { NavLink } from "./nav-link";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/dashboard" className="text-base font-semibold text-slate-900 no-underline hover:no-underline">
          <span className="text-brand-600">Partner</span> Console
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="flex items-center gap-1">
              <NavLink href="/dashboard">Dashboard</NavLink>
              <NavLink href="/token-tool">Token tool</NavLink>
              {can(user.role, "services:administer") ? <NavLink href="/admin">Admin</NavLink> : null}
            </nav>
            <div className="ml-auto flex items-center gap-3">
              <div className="text-right text-sm leading-tight">
                <div className="font-medium text-slate-900">{user.name}</div>
                <div className="text-xs text-slate-600">
                  {ROLE_LABELS[user.role]}
                  {user.partnerName ? ` · ${user.partnerName}` : ""}
                </div>
              </div>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary">
                  Sign out
                </Button>
              </form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
