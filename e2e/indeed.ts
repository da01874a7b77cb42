// The sandbox Indeed world of the demo (prisma/demo-sandbox.ts), written out by hand, and the
// helpers the emulator's specs share: an authorize URL, signing in to the emulator, reading a
// demo app's client id from its Credentials tab, catching the browser at the client's callback.
import type { Browser, Page } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { DEMO_PASSWORD, DEMO_USERS, appIdOf, expect, signIn } from "./fixtures";

export const SANDBOX = {
  acmeRegistrant: "registrant@acme.sandbox.example",
  acmeTester: "tester@acme.sandbox.example",
  acmeNoEmployers: "no-employers@acme.sandbox.example",
  globexRegistrant: "registrant@globex.sandbox.example",
  jobseeker: "jobseeker@sandbox.example",
} as const;

export const EMPLOYERS = {
  dharma: { id: "084a39249af95beedfb90cc5d2b8833c", name: "Dharma Initiative" },
  umbrella: { id: "865e08b649774436ee1f410b611fad7c", name: "Umbrella Corporation" },
  usRobotics: { id: "4bc393648e880bc94dd6cef8efbc8486", name: "US Robotics and Mechanical Men" },
} as const;

/** The demo clients (seeded with the apps' credentials) and their registered redirect URIs. */
export const DEMO_CLIENTS = {
  /** Confidential, both grant types, authorization code review approved. */
  aceDev: { app: "AceRecruitersApp-dev", redirectUri: "http://localhost:8976/callback" },
  /** Public (PKCE, no secret), review in progress: only Globex's own accounts may authorize. */
  globexCareers: { app: "GlobexCareers-dev", redirectUri: "http://127.0.0.1:5173/callback" },
} as const;

/** The issuer as the emulator serves it under the test server's origin. */
export function issuerOf(baseURL: string): string {
  return `${new URL(baseURL).origin}/indeed`;
}

/** The authorization server as oauth4webapi sees it, without depending on discovery. */
export function authorizationServer(baseURL: string): oauth.AuthorizationServer {
  const issuer = issuerOf(baseURL);
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/v2/authorize`,
    token_endpoint: `${issuer}/oauth/v2/tokens`,
  };
}

export function authorizeUrl(baseURL: string, params: Record<string, string>): string {
  const url = new URL(`${issuerOf(baseURL)}/oauth/v2/authorize`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export async function pkce() {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}

/** Fills the emulator's sign-in form (the page must be showing it). */
export async function signInToIndeed(page: Page, email: string, password = DEMO_PASSWORD) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Answers every request to the client's redirect URI with a small page instead of the network
 * (nothing listens there), and resolves with the callback URL the emulator sent the browser to.
 */
export async function catchCallback(page: Page, redirectUri: string): Promise<{ url: Promise<URL> }> {
  const origin = new URL(redirectUri).origin;
  let resolve!: (url: URL) => void;
  const url = new Promise<URL>((r) => (resolve = r));
  await page.route(`${origin}/**`, async (route) => {
    resolve(new URL(route.request().url()));
    await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Callback</title><h1>Back at the app</h1>" });
  });
  return { url };
}

/** The callback URL, once the browser shows the client's page (its navigation has finished). */
export async function atCallback(page: Page, callback: { url: Promise<URL> }): Promise<URL> {
  const url = await callback.url;
  await expect(page.getByRole("heading", { level: 1, name: "Back at the app" })).toBeVisible();
  return url;
}

/**
 * The client id of a demo app, read as a partner sees it on the app's Credentials tab (an admin
 * sees every partner's apps), in a browser context of its own.
 */
export async function clientIdOf(browser: Browser, baseURL: string, appName: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.admin);
    const appId = await appIdOf(page, appName);
    await page.goto(`/apps/${appId}/credentials`);
    const clientId = page.locator("code").filter({ hasText: /^\s*[a-z0-9]{64}\s*$/ }).first();
    await expect(clientId).toBeVisible();
    return (await clientId.textContent())!.trim();
  } finally {
    await context.close();
  }
}
