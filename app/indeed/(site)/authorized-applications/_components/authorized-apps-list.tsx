"use client";

import { useActionState } from "react";
import { SCOPE_DESCRIPTIONS, type IndeedScope } from "@/lib/providers/indeed/scopes";
import { removeAccessAction, type RemoveAccessState } from "../../actions";

interface AuthorizedApp {
  id: string;
  appName: string;
  companyName: string | null;
  scopes: IndeedScope[];
  grantedAt: string;
}

export function AuthorizedAppsList({ apps, csrf }: { apps: AuthorizedApp[]; csrf: string }) {
  const [state, action, pending] = useActionState<RemoveAccessState, FormData>(removeAccessAction, {});
  return (
    <div className="mt-6">
      <div aria-live="polite">
        {state.message ? (
          <p
            role={state.ok ? "status" : "alert"}
            className={
              state.ok
                ? "mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
                : "mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            }
          >
            {state.message}
          </p>
        ) : null}
      </div>
      {apps.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-700">
          No app has access to your account.
        </p>
      ) : (
        <ul aria-label="Authorized applications" className="space-y-4">
          {apps.map((app) => (
            <li key={app.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <article aria-labelledby={`app-${app.id}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={`app-${app.id}`} className="text-lg font-semibold">
                      {app.appName}
                    </h2>
                    <p className="text-sm text-stone-600">
                      {app.companyName ? `${app.companyName} · ` : ""}Allowed on{" "}
                      {new Date(app.grantedAt).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" })}
                    </p>
                  </div>
                  <form action={action}>
                    <input type="hidden" name="csrf" value={csrf} />
                    <input type="hidden" name="grant" value={app.id} />
                    <button
                      type="submit"
                      disabled={pending}
                      className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
                    >
                      Remove access<span className="sr-only"> for {app.appName}</span>
                    </button>
                  </form>
                </div>
                <h3 className="mt-4 text-sm font-medium">This app can:</h3>
                {app.scopes.length ? (
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-stone-700">
                    {app.scopes.map((s) => (
                      <li key={s}>{SCOPE_DESCRIPTIONS[s]}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-stone-700">Know who you are (no other permissions).</p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
