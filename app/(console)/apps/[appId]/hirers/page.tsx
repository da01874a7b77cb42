import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findApp } from "@/lib/data/apps";
import { hirerSearchInput, listAppHirers, lookupAppHirer, type HirerView } from "@/lib/data/seek-hirers";
import {
  SEEK_ENVIRONMENTS,
  SEEK_ENVIRONMENT_LABELS,
  SEEK_HIRER_NAME_MAX_LENGTH,
  SEEK_HIRER_SCHEMES,
  SEEK_RELATIONSHIP_LABELS,
  isSeekRelationshipType,
} from "@/lib/credentials/seek";
import { buttonClass } from "@/components/ui/button";
import { AppHeader } from "../_components/app-header";
import { Card } from "@/components/ui/card";
import { SeekRelationshipBoxes } from "@/components/seek-relationship-boxes";

export const metadata: Metadata = { title: "Hirers" };

function one(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

const LOOKUP_MESSAGES = {
  INVALID_ID: "This is not a SEEK hirer id. Hirer ids look like seekAnzPublicTest:organization:seek:93WyyF1h (nothing is trimmed).",
  UNKNOWN: "No hirer has this id.",
  NO_RELATIONSHIP: "Your organisation has no relationship with this hirer, so SEEK’s API answers FORBIDDEN for it.",
} as const;

/** The Hirers tab: the partner's hirers by environment, searchable, and a lookup by id. */
export default async function HirersPage({ params, searchParams }: PageProps<"/apps/[appId]/hirers">) {
  const { appId } = await params;
  const query = await searchParams;
  const user = await requireUser();
  const environment = one(query.environment) === "LIVE" ? "LIVE" : "PLAYGROUND";
  const nameSearch = one(query.name).slice(0, SEEK_HIRER_NAME_MAX_LENGTH);
  const relationshipTypes = all(query.type).filter(isSeekRelationshipType);
  const page = hirerSearchInput.shape.page.safeParse(one(query.page) || undefined);
  const lookupId = typeof query.hirerId === "string" ? query.hirerId : null;

  const [app, list, lookup] = await Promise.all([
    findApp(user, appId),
    listAppHirers(user, appId, { environment, nameSearch, relationshipTypes, page: page.success ? page.data : 1 }),
    lookupId !== null ? lookupAppHirer(user, appId, lookupId) : Promise.resolve(undefined),
  ]);
  if (!app || app.provider !== "SEEK" || !list || lookup === null) notFound();

  const base = `/apps/${app.id}/hirers`;
  const pageHref = (n: number) => {
    const p = new URLSearchParams({ environment });
    if (nameSearch) p.set("name", nameSearch);
    for (const t of relationshipTypes) p.append("type", t);
    if (n > 1) p.set("page", String(n));
    return `${base}?${p}`;
  };

  return (
    <>
      <AppHeader app={app} showPartner={can(user.role, "apps:view-all")} />
      <div className="flex flex-col gap-6">
        <Card id="lookup-heading" title="Look up a hirer by ID">
          <p className="mt-1 text-sm text-slate-600">What GraphQL’s hiringOrganization(id:) answers with your credentials.</p>
          <form method="get" action={base} className="mt-3 flex flex-wrap items-end gap-2">
            <div className="flex min-w-0 flex-1 basis-80 flex-col gap-1">
              <label htmlFor="hirer-id" className="text-sm font-medium text-slate-800">
                Hirer ID
              </label>
              <input
                id="hirer-id"
                name="hirerId"
                defaultValue={lookupId ?? ""}
                required
                maxLength={200}
                aria-describedby={lookup && !lookup.found ? "lookup-error" : undefined}
                aria-invalid={lookup && !lookup.found ? true : undefined}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm"
                placeholder="seekAnzPublicTest:organization:seek:93WyyF1h"
              />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Look up
            </button>
          </form>
          {lookup ? (
            lookup.found ? (
              <div className="mt-4" role="status">
                <HirerTable caption="Lookup result" hirers={[lookup.hirer]} />
              </div>
            ) : (
              <p id="lookup-error" role="alert" className="mt-3 text-sm text-red-700">
                {LOOKUP_MESSAGES[lookup.reason]}
              </p>
            )
          ) : null}
        </Card>

        <Card id="hirers-heading" title="Search all hirers">
          <p className="mt-1 text-sm text-slate-600">
            The hirers your organisation has a relationship with, alphabetical, as GraphQL’s hiringOrganizations lists them.
            Playground and live hirers are kept apart.
          </p>
          <nav aria-label="Environment" className="mt-3 flex gap-2">
            {SEEK_ENVIRONMENTS.map((env) => (
              <Link
                key={env}
                href={`${base}?environment=${env}`}
                aria-current={env === environment ? "page" : undefined}
                className={buttonClass(env === environment ? "primary" : "secondary", "px-3 py-1.5")}
              >
                {SEEK_ENVIRONMENT_LABELS[env]} ({SEEK_HIRER_SCHEMES[env]})
              </Link>
            ))}
          </nav>
          <form method="get" action={base} className="mt-4 flex flex-col gap-3" aria-label="Search hirers">
            <input type="hidden" name="environment" value={environment} />
            <div className="flex max-w-md flex-col gap-1">
              <label htmlFor="hirer-name" className="text-sm font-medium text-slate-800">
                Name contains
              </label>
              <input
                id="hirer-name"
                name="name"
                defaultValue={nameSearch}
                maxLength={SEEK_HIRER_NAME_MAX_LENGTH}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
              />
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Relationship types (any of them)</legend>
              <SeekRelationshipBoxes name="type" selected={relationshipTypes} className="mt-1" />
            </fieldset>
            <div>
              <button type="submit" className={buttonClass("secondary")}>
                Search
              </button>
            </div>
          </form>
          <div className="mt-4">
            {list.hirers.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
                {nameSearch || relationshipTypes.length
                  ? "No hirer with a relationship matches this search."
                  : `Your organisation has no relationships with ${SEEK_ENVIRONMENT_LABELS[environment].toLowerCase()} hirers yet.`}
              </p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-600" role="status">
                  {list.total} {list.total === 1 ? "hirer" : "hirers"}
                </p>
                <HirerTable caption={`${SEEK_ENVIRONMENT_LABELS[environment]} hirers`} hirers={list.hirers} />
              </>
            )}
          </div>
          {list.pageCount > 1 ? (
            <nav aria-label="Hirer pages" className="mt-4 flex justify-between text-sm">
              {list.page > 1 ? <Link href={pageHref(list.page - 1)}>Previous</Link> : <span />}
              <span className="text-slate-600">
                Page {list.page} of {list.pageCount}
              </span>
              {list.page < list.pageCount ? <Link href={pageHref(list.page + 1)}>Next</Link> : <span />}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}

function HirerTable({ caption, hirers }: { caption: string; hirers: HirerView[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Name</th>
            <th scope="col" className="py-1 pr-3 font-medium">Hirer ID</th>
            <th scope="col" className="py-1 pr-3 font-medium">Advertiser ID</th>
            <th scope="col" className="py-1 pr-3 font-medium">Relationships</th>
          </tr>
        </thead>
        <tbody>
          {hirers.map((h) => (
            <tr key={h.id} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
                {h.name}
                {h.isTestHirer ? <span className="ml-2 text-xs font-normal text-slate-600">(your test hirer)</span> : null}
              </th>
              <td className="py-1.5 pr-3 font-mono text-xs break-all">{h.id}</td>
              <td className="py-1.5 pr-3">{h.seekAnzAdvertiserId ?? "–"}</td>
              <td className="py-1.5 pr-3">{h.relationshipTypes.map((t) => SEEK_RELATIONSHIP_LABELS[t]).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
