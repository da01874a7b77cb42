import type { Metadata } from "next";
import { GONE_MESSAGES } from "../../_lib/messages";
import { Notice } from "../_components/notice";
import { SiteCard } from "../_components/site-card";
import { pendingStep } from "../_lib/pending-step";

export const metadata: Metadata = { title: "Choose an employer" };

// Indeed's employer selection screen (prompt=select_employer with employer_access granted).
export default async function EmployerPage({ searchParams }: PageProps<"/indeed/employer">) {
  const { request, error } = await searchParams;
  const pending = await pendingStep(request, "employer");
  if (pending.gone) return <Notice role="alert" {...GONE_MESSAGES[pending.gone]} />;
  const { handle, step, account, csrf } = pending;
  const invalid = error === "choose";
  return (
    <SiteCard
      id="employer-title"
      title="Choose an employer"
      description={`${step.appName} will act on behalf of the employer you choose. You can choose another one later in the app.`}
      width="max-w-md"
    >
      <form method="post" action="/indeed/employer/submit" className="mt-5">
        <input type="hidden" name="request" value={handle} />
        <input type="hidden" name="csrf" value={csrf} />
        <fieldset aria-describedby={invalid ? "employer-error" : undefined} aria-invalid={invalid || undefined}>
          <legend className="text-sm font-medium">Employers of {account.email}</legend>
          <ul className="mt-2 space-y-2">
            {step.employers.map((employer, i) => (
              <li key={employer.id}>
                <label className="flex items-center gap-3 rounded-md border border-stone-200 px-3 py-2 text-sm hover:bg-stone-50">
                  <input type="radio" name="employer" value={employer.id} autoFocus={invalid && i === 0} className="size-4 accent-brand-600" />
                  {employer.name}
                </label>
              </li>
            ))}
          </ul>
          {invalid ? (
            <p id="employer-error" role="alert" className="mt-2 text-sm text-red-700">
              Choose one of your employers, or continue without one.
            </p>
          ) : null}
        </fieldset>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button
            type="submit"
            name="choice"
            value="none"
            className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50"
          >
            Continue without an employer
          </button>
          <button type="submit" name="choice" value="employer" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Continue
          </button>
        </div>
      </form>
    </SiteCard>
  );
}
