const DOCS = [
  { href: "https://docs.indeed.com/partner-console/", label: "Partner Console guide" },
  { href: "https://docs.indeed.com/oauth/2-legged-oauth/", label: "Client credentials flow (2-legged OAuth)" },
  { href: "https://docs.indeed.com/oauth/3-legged-oauth/", label: "Authorization code flow (3-legged OAuth)" },
  { href: "https://docs.indeed.com/job-sync-api/", label: "Job Sync API" },
  { href: "https://developer.seek.com/auth", label: "SEEK API authentication" },
];

export function HelpPanel() {
  return (
    <aside aria-labelledby="help-heading" className="flex flex-col gap-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="help-heading" className="text-sm font-semibold">
          Documentation
        </h2>
        <ul className="mt-2 flex flex-col gap-1.5 text-sm">
          {DOCS.map((d) => (
            <li key={d.href}>
              <a href={d.href} rel="noreferrer" target="_blank">
                {d.label}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold">Help and support</h2>
        <p className="mt-2 text-sm text-slate-600">
          Owners and developers can add a service from the app’s APIs and services tab (Request a service). For
          anything else about your integration, contact your Indeed representative or{" "}
          <a href="mailto:marketplacesupport@indeed.com">marketplacesupport@indeed.com</a>.
        </p>
      </section>
    </aside>
  );
}
