import type { Metadata } from "next";
import Link from "next/link";
import { listGrantReviews } from "@/lib/data/grant-review";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { AdminBreadcrumb } from "../_components/admin-breadcrumb";
import { requireAdminPage } from "../_lib/require-admin";
import { ReviewRowActions } from "./_components/review-row-actions";

export const metadata: Metadata = { title: "Grant reviews" };

export default async function GrantReviewsPage() {
  const user = await requireAdminPage("services:administer");
  const rows = await listGrantReviews(user);
  return (
    <>
      <AdminBreadcrumb trail={[]} current="Grant reviews" />
      <PageHeader
        title="Grant reviews"
        description="OAuth clients waiting for a decision on their authorization code grant (3-legged OAuth), oldest first. Until approved, only the partner's own test accounts can authorize them."
      />
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
          No authorization code grant is waiting for review.
        </p>
      ) : (
        <ul aria-label="Grant reviews" className="flex flex-col gap-4">
          {rows.map((row) => (
            <li key={row.id}>
              <article aria-labelledby={`review-${row.id}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={`review-${row.id}`} className="text-base font-semibold">
                      <Link href={`/apps/${row.app.id}/credentials`}>{row.app.name}</Link>
                    </h2>
                    <p className="text-sm text-slate-600">
                      {row.app.partner.name} · waiting since {row.reviewChangedAt ? <DateTime value={row.reviewChangedAt} /> : "creation"}
                    </p>
                  </div>
                  <ReviewRowActions row={{ appId: row.app.id, appName: row.app.name, version: row.reviewVersion }} />
                </div>
                <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="font-medium text-slate-800">Redirect URLs</dt>
                    <dd>
                      {row.redirectUris.length ? (
                        <ul>
                          {row.redirectUris.map((r) => (
                            <li key={r.uri}>
                              <code className="break-all">{r.uri}</code>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-slate-600">None yet</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-800">Partner information</dt>
                    <dd className="break-words text-slate-700">
                      {[row.companyName, row.homepageUrl, row.supportEmail, row.privacyPolicyUrl].filter(Boolean).join(" · ") || (
                        <span className="text-slate-600">Not provided</span>
                      )}
                    </dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
