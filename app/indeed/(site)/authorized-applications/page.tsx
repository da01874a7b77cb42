import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listAuthorizedApplications } from "@/lib/providers/indeed/authorization-flow";
import { csrfToken } from "@/lib/providers/indeed/sessions";
import { currentSandboxAccount, sessionToken } from "../../_lib/session";
import { AuthorizedAppsList } from "./authorized-apps-list";

export const metadata: Metadata = { title: "Authorized applications" };

export default async function AuthorizedApplicationsPage() {
  const account = await currentSandboxAccount();
  if (!account) redirect("/indeed/sign-in");
  const [apps, token] = await Promise.all([listAuthorizedApplications(account.id), sessionToken()]);
  return (
    <section aria-labelledby="apps-title" className="mx-auto w-full max-w-2xl">
      <h1 id="apps-title" className="text-2xl font-semibold">
        Authorized applications
      </h1>
      <p className="mt-1 text-sm text-stone-700">
        Apps you allowed to access your Indeed account ({account.email}). Removing an app&apos;s access takes back every
        permission at once; the app must ask again to use your account.
      </p>
      <AuthorizedAppsList
        csrf={csrfToken(token!, "authorized-applications")}
        apps={apps.map((a) => ({ ...a, grantedAt: a.grantedAt.toISOString() }))}
      />
    </section>
  );
}
