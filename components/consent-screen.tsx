// The OAuth consent screen exactly as end users see it. The Indeed emulator renders it inside
// its consent form; the console's Credentials tab renders it with `preview` for partners to
// check. One component, so the preview can never drift from the real thing.
import { orderScopes } from "@/lib/oauth/scope";
import type { ConsentPartnerInfo } from "@/lib/providers/indeed/authorization-flow";
import { INDEED_POLICY } from "@/lib/providers/indeed/policy";
import { SCOPE_DESCRIPTIONS, type IndeedScope } from "@/lib/providers/indeed/scopes";
import { buttonClass } from "./ui/button";

export interface ConsentScreenProps {
  appName: string;
  partner: ConsentPartnerInfo;
  /** Scopes the user is asked for now; each one can be unticked (a partial grant). */
  requested: IndeedScope[];
  /** Scopes the user granted before: listed under "Current permissions", not asked again. */
  alreadyGranted?: IndeedScope[];
  /** The signed-in account, shown so the user knows who is granting. */
  accountEmail?: string;
  /** Renders inert controls, for the console's preview. */
  preview?: boolean;
}

/**
 * Renders the scope checkboxes (`name="scope"`) and the Allow / Deny submit buttons
 * (`name="decision"`): the caller supplies the surrounding <form>.
 */
export function ConsentScreen({ appName, partner, requested, alreadyGranted = [], accountEmail, preview }: ConsentScreenProps) {
  const asked = orderScopes(INDEED_POLICY, requested);
  const current = orderScopes(INDEED_POLICY, alreadyGranted);
  const company = partner.companyName?.trim() || null;
  return (
    <section aria-labelledby="consent-title" className="mx-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-sm font-semibold tracking-wide text-brand-700">indeed</p>
      <h1 id="consent-title" className="mt-3 text-xl font-semibold text-slate-900">
        {appName} wants to access your Indeed account
      </h1>
      {company ? (
        <p className="mt-1 text-sm text-slate-600">
          Provided by{" "}
          {partner.homepageUrl ? (
            <a href={partner.homepageUrl} target="_blank" rel="noopener noreferrer">
              {company}
            </a>
          ) : (
            company
          )}
        </p>
      ) : null}
      {accountEmail ? <p className="mt-3 text-sm text-slate-600">Signed in as {accountEmail}</p> : null}

      {asked.length > 0 ? (
        <fieldset className="mt-5">
          <legend className="text-sm font-medium text-slate-900">This app would like to:</legend>
          <ul className="mt-2 space-y-2">
            {asked.map((scope) => (
              <li key={scope}>
                <label className="flex items-start gap-3 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    name="scope"
                    value={scope}
                    defaultChecked
                    disabled={preview}
                    className="mt-0.5 size-4 rounded border-slate-300"
                  />
                  <span>{SCOPE_DESCRIPTIONS[scope]}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="mt-5 text-sm text-slate-700">This app asks for no extra permissions: it will only know who you are.</p>
      )}

      {current.length > 0 ? (
        <div className="mt-5">
          <h2 className="text-sm font-medium text-slate-900">Current permissions</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
            {current.map((scope) => (
              <li key={scope}>{SCOPE_DESCRIPTIONS[scope]}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className="mt-5 text-xs text-slate-500">
        By selecting Allow, you let this app use your information as its{" "}
        {partner.privacyPolicyUrl ? (
          <a href={partner.privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
            privacy policy
          </a>
        ) : (
          "privacy policy"
        )}{" "}
        describes. You can remove its access at any time on the Authorized applications page.
        {partner.supportEmail ? (
          <>
            {" "}Questions? <a href={`mailto:${partner.supportEmail}`}>{partner.supportEmail}</a>
          </>
        ) : null}
      </p>

      <div className="mt-6 flex justify-end gap-3">
        <button type="submit" name="decision" value="deny" disabled={preview} className={buttonClass("secondary")}>
          Deny
        </button>
        <button type="submit" name="decision" value="allow" disabled={preview} className={buttonClass("primary")}>
          Allow
        </button>
      </div>
    </section>
  );
}
