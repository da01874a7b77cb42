"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

const TABS = [
  { segment: "services", label: "APIs and services" },
  { segment: "credentials", label: "Credentials" },
  { segment: "activity", label: "Activity" },
] as const;

/** The app page's sections. Each is its own URL, so the tabs are links marked with aria-current. */
export function AppTabs({ appId }: { appId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="App sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {TABS.map((tab) => {
          const href = `/apps/${appId}/${tab.segment}`;
          const active = pathname === href;
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium no-underline hover:no-underline",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
