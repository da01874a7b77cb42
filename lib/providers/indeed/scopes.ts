// Indeed's OAuth scopes, in the order the consent screen lists them (INDEED_POLICY.scopes, read
// by lib/oauth/scope.ts orderScopes), and the plain words the consent screen uses for them. The
// emulator and the console's consent preview read the same table, so they always say the same thing.

export const INDEED_SCOPES = ["email", "offline_access", "employer_access"] as const;
export type IndeedScope = (typeof INDEED_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<IndeedScope, string> = {
  email: "View your email address.",
  offline_access: "Maintain the permissions you grant, even when you are not using the app.",
  employer_access: "View the employers you can access, and act on behalf of the employer you choose.",
};

export function isIndeedScope(value: string): value is IndeedScope {
  return (INDEED_SCOPES as readonly string[]).includes(value);
}
