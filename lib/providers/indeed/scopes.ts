// Indeed's OAuth scopes and the plain words the consent screen uses for them. The emulator and
// the console's consent preview read the same table, so they always say the same thing.

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

/** Scopes in the table's order (the order the consent screen lists them). */
export function sortScopes<T extends string>(scopes: Iterable<T>): T[] {
  const rank = (s: string) => {
    const i = (INDEED_SCOPES as readonly string[]).indexOf(s);
    return i === -1 ? INDEED_SCOPES.length : i;
  };
  return [...new Set(scopes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
