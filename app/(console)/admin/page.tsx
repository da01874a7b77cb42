import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { listCatalog } from "@/lib/data/catalog";
import { listProvisioningQueue } from "@/lib/data/provisioning";
import { listSandboxAccounts } from "@/lib/data/sandbox";
import { listGrantReviews } from "@/lib/data/grant-review";
import { STATUS_LABELS } from "@/lib/status";
import { PageHeader } from "@/components/page-header";
import { requireAdminPage } from "./_lib/require-admin";

export const metadata: Metadata = { title: "Admin" };

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

export default async function AdminPage() {
  const user = await requireAdminPage("services:administer");
  const [queue, catalog, sandboxAccounts, reviews] = await Promise.all([
    listProvisioningQueue(user),
    can(user.role, "apps:create") ? listCatalog(user) : null,
    can(user.role, "platform:administer") ? listSandboxAccounts(user) : null,
    listGrantReviews(user),
  ]);
  const provisioning = queue.filter((s) => s.status === "PROVISIONING_IN_PROGRESS").length;
  const review = queue.length - provisioning;

  // The sections this admin may open, in this order.
  const cards: (Card | null)[] = [
    {
      href: "/admin/provisioning",
      title: "Provisioning queue",
      count: plural(queue.length, "service waiting", "services waiting"),
      detail: queue.length
        ? `${provisioning} ${STATUS_LABELS.PROVISIONING_IN_PROGRESS.toLowerCase()}, ${review} ${STATUS_LABELS.REVIEW_IN_PROGRESS.toLowerCase()}.`
        : "Nothing is waiting for an admin.",
    },
    {
      href: "/admin/reviews",
      title: "Grant reviews",
      count: plural(reviews.length, "client waiting", "clients waiting"),
      detail: reviews.length ? "Authorization code grants waiting for approval or rejection." : "No authorization code grant is waiting for review.",
    },
    can(user.role, "platform:administer")
      ? { href: "/admin/seek", title: "SEEK", count: "Live requests, hirers, settings", detail: "Live-credential requests, live self-service, sandbox hirers and relationships." }
      : null,
    can(user.role, "apps:create")
      ? { href: "/admin/apps/new", title: "Create an app", count: "New app", detail: "Set up an app for a partner, with its OAuth client or Indeed Apply API token." }
      : null,
    can(user.role, "apps:view-all")
      ? { href: "/admin/activity", title: "Activity", count: "All apps", detail: "Every credential and provisioning change, newest first." }
      : null,
    catalog
      ? {
          href: "/admin/catalog",
          title: "Service catalog",
          count: plural(catalog.length, "service", "services"),
          detail: "The services partners can request, and the rules between them.",
        }
      : null,
    sandboxAccounts
      ? {
          href: "/admin/sandbox",
          title: "Sandbox Indeed accounts",
          count: plural(sandboxAccounts.length, "account", "accounts"),
          detail: "The Indeed users and employers that sign in to the emulator to authorize apps.",
        }
      : null,
  ];

  return (
    <>
      <PageHeader title="Admin" description="Provision services, review integrations and grants, create apps and maintain the service catalog." />
      <ul className="grid gap-4 sm:grid-cols-2" aria-label="Admin sections">
        {cards.map((card) =>
          card ? (
            <li key={card.href}>
              <AdminCard {...card} />
            </li>
          ) : null,
        )}
      </ul>
    </>
  );
}

interface Card {
  href: string;
  title: string;
  count: string;
  detail: string;
}

function AdminCard({ href, title, count, detail }: Card) {
  return (
    <article className="relative h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600">
      <h2 className="text-lg font-semibold">
        {/* The whole card is clickable; the link's name stays the title. */}
        <Link href={href} className="after:absolute after:inset-0 focus-visible:outline-none">
          {title}
        </Link>
      </h2>
      <p className="mt-2 text-2xl font-semibold text-slate-900">{count}</p>
      <p className="mt-1 text-sm text-slate-600">{detail}</p>
    </article>
  );
}
