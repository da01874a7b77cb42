// What the fault specs do to the world, as its users would: a partner copies a secret from the
// console, a sandbox user authorizes an app on the emulator's pages, a client asks for tokens.
import type { Page } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { expect } from "../fixtures";
import { DEMO_CLIENTS, SANDBOX, atCallback, catchCallback, pkce, signInToIndeed } from "../indeed";

export const ACE_DEV = DEMO_CLIENTS.aceDev;

/** The emulator's issuer: the public URL, whichever instance answers. */
export function issuer(publicUrl: string): string {
  return `${publicUrl}/indeed`;
}

/** A token request to one instance's token endpoint, client authentication by Basic. */
export async function tokenRequest(instanceUrl: string, client: { clientId: string; secret: string }, params: Record<string, string>) {
  const response = await fetch(`${instanceUrl}/indeed/oauth/v2/tokens`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
      Authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.secret)}`).toString("base64")}`,
    },
    body: new URLSearchParams(params),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Runs one authorization of AceRecruitersApp-dev on the emulator's pages as Acme's sandbox
 * registrant (signing in when asked, then consenting) and returns the code with its PKCE verifier.
 * `scope` must hold a scope the user has not granted the app yet.
 */
export async function authorizationCode(page: Page, publicUrl: string, clientId: string, scope: string) {
  const { verifier, challenge } = await pkce();
  const state = oauth.generateRandomState();
  const url = new URL(`${issuer(publicUrl)}/oauth/v2/authorize`);
  for (const [name, value] of Object.entries({
    client_id: clientId,
    redirect_uri: ACE_DEV.redirectUri,
    response_type: "code",
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }))
    url.searchParams.set(name, value);
  const callback = await catchCallback(page, ACE_DEV.redirectUri);
  await page.goto(url.toString());
  // Every call asks for a scope the user has not granted yet, so the consent page always shows.
  const signIn = page.getByRole("heading", { level: 1, name: "Sign in" });
  const allow = page.getByRole("button", { name: "Allow" });
  await expect(signIn.or(allow)).toBeVisible();
  if (await signIn.isVisible()) await signInToIndeed(page, SANDBOX.acmeRegistrant);
  await allow.click();
  const returned = await atCallback(page, callback);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  expect(returned.searchParams.get("state")).toBe(state);
  const code = returned.searchParams.get("code");
  expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { code: code!, verifier };
}

/** The code exchange at one instance. */
export function redeem(instanceUrl: string, client: { clientId: string; secret: string }, code: { code: string; verifier: string }) {
  return tokenRequest(instanceUrl, client, {
    grant_type: "authorization_code",
    code: code.code,
    redirect_uri: ACE_DEV.redirectUri,
    code_verifier: code.verifier,
  });
}
