"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

const TABS = [
  { segment: "services", label: "APIs and services" },
  { segment: "credentials", label: "Credentials" },
  { segment: "activity", label: "Activity" },
] as const;

/** SEEK apps: SEEK's own sections, and the services tab only when the app has services. */
const SEEK_TABS = [
  { segment: "credentials", label: "Credentials" },
  { segment: "hirers", label: "Hirers" },
  { segment: "activity", label: "Activity" },
] as const;

/** The app page's sections. Each is its own URL, so the tabs are links marked with aria-current. */
export function AppTabs({ appId, provider = "INDEED", hasServices = false }: { appId: string; provider?: "INDEED" | "SEEK"; hasServices?: boolean }) {
  const pathname = usePathname();
  const tabs = provider === "SEEK" ? [...(hasServices ? [TABS[0]] : []), ...SEEK_TABS] : TABS;
  return (
    <nav aria-label="App sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => {
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
