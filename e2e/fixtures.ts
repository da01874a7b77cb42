// The demo world as a newcomer sees it (prisma/demo-world.ts), written out by hand: the tests
// state what the app must show rather than re-deriving it from the code under test.
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "partner-console-demo";

export interface DemoUser {
  email: string;
  name: string;
}

export const DEMO_USERS = {
  admin: { email: "admin@example.com", name: "Ada Admin" },
  owner: { email: "owner@acme.example", name: "Olivia Owner" },
  developer: { email: "dev@acme.example", name: "Dev Patel" },
  viewer: { email: "viewer@acme.example", name: "Victor Viewer" },
  globexOwner: { email: "owner@globex.example", name: "Grace Globex" },
  globexDeveloper: { email: "dev@globex.example", name: "Hank Scorpio" },
} as const satisfies Record<string, DemoUser>;

export const ACME = "Acme Recruiting";
export const GLOBEX = "Globex Talent";

/** Acme's apps in the dashboard's order: alphabetical, ignoring case. */
export const ACME_APPS = [
  "AceRecruitersApp-dev",
  "AceRecruitersApp-prod",
  "Acme Talent Pipeline-prod",
  "acme-analytics-dev",
  "acme-apply-widget-dev",
  "AcmeATS-seek",
] as const;

export const GLOBEX_APPS = ["Globex-seek", "GlobexCareers-dev", "GlobexHire-dev", "GlobexHire-prod"] as const;

/** The demo world's SEEK apps (prisma/demo-seek.ts) and SEEK's documented Playground hirer. */
export const ACME_SEEK_APP = "AcmeATS-seek";
export const GLOBEX_SEEK_APP = "Globex-seek";
export const PLAYGROUND_HIRER_ID = "seekAnzPublicTest:organization:seek:93WyyF1h";

/** AceRecruitersApp-dev's one redirect URL (its authorization code grant is approved). */
export const ACE_DEV_REDIRECT_URI = "http://localhost:8976/callback";

export const WRONG_CREDENTIALS = "The email or password is incorrect.";

/** Signs in through the real form and waits for the dashboard (or `landing`, a URL path). */
const SIGN_IN_TIMEOUT_MS = 30_000;

export async function signIn(page: Page, user: DemoUser, options: { landing?: string | RegExp } = {}) {
  if (!/\/sign-in(\?|$)/.test(page.url())) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in checks the password with scrypt and then renders the landing page: on a busy
  // two-core machine that alone can take longer than an ordinary expectation waits.
  await expect(page).toHaveURL(options.landing ?? /\/dashboard$/, { timeout: SIGN_IN_TIMEOUT_MS });
  await expect(page.getByRole("banner")).toContainText(user.name);
}

export async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** The id in an app link's href, /apps/<id>/services. */
export async function appIdOf(page: Page, appName: string): Promise<string> {
  const href = await page.getByRole("link", { name: appName, exact: true }).getAttribute("href");
  const id = href?.match(/^\/apps\/([^/]+)\/(?:services|credentials)$/)?.[1];
  if (!id) throw new Error(`No app link for ${appName} (href ${href})`);
  return id;
}

/** Whether a browser console message is Chromium reporting a Content-Security-Policy violation. */
function isCspViolation(text: string): boolean {
  return /Content Security Policy|Content-Security-Policy/i.test(text) && /Refused|violates/i.test(text);
}

export const test = base.extend<{ signInAs: (user: DemoUser) => Promise<void>; cspViolations: string[] }>({
  signInAs: async ({ page }, use) => {
    await use((user) => signIn(page, user));
  },
  // Every page of the test's browser context: a script, style, frame or form the policy refused
  // (decision 019) fails the test, even when the page happened to work without it.
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (isCspViolation(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations reported in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
