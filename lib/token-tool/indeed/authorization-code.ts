import "server-only";
// Indeed's authorization code flow, as a partner's web app runs it with the console as its
// client: the authorize URL (PKCE S256, state, nonce, scopes, prompt=select_employer) opened in
// a new tab; the console's own /token-tool/callback, which finds the run by `state` in the
// database (it may land on another instance) and runs the exchange; the ID token checked
// against the JWKS; granted against requested scopes and the employer that came back; userinfo;
// and refresh, with another employer (a switch) or without one (a drop).
import * as oauth from "oauth4webapi";
import { z } from "zod";
import { indeedClientCredentials, isRedirectAllowed } from "../../data/token-tool";
import { callbackUrl } from "../callback";
import { choiceField } from "../choice-field";
import { step, type FlowDefinition, type StepContext } from "../flow";
import { CLIENT_AUTH_FIELD, clientAuth, clientAuthInput, discoveryStep, employerFact, expiry, keepToken, serverOf } from "./common";
import { indeedRoutes } from "./routes";

const SCOPES = ["email", "offline_access", "employer_access"] as const;
/** How long an authorization may take between the URL and the callback. */
const AUTHORIZE_WINDOW_S = 30 * 60;
/** Indeed's refresh tokens live 60 days (it does not say so in the token response). */
const REFRESH_TTL_S = 60 * 24 * 3600;

function client(context: StepContext): oauth.Client {
  return { client_id: context.run.clientId };
}

function scopeList(scope: string | undefined): string[] {
  return (scope ?? "").split(" ").filter(Boolean);
}

/** Requested against granted, in words: a partial grant and incremental authorization show here. */
function scopeFacts(requested: string[], granted: string[]): [string, string][] {
  const missing = requested.filter((s) => !granted.includes(s));
  const extra = granted.filter((s) => !requested.includes(s));
  return [
    ["Scopes requested", requested.join(" ") || "(none)"],
    ["Scopes granted", granted.join(" ") || "(none)"],
    ...(missing.length ? [["Not granted", missing.join(" ")] as [string, string]] : []),
    ...(extra.length ? [["Granted from an earlier consent", extra.join(" ")] as [string, string]] : []),
  ];
}

const promptChoice = choiceField(
  "prompt",
  "Prompt",
  { select_employer: "select_employer (always show the employer picker)", "": "(none)" },
  "select_employer",
  "Choose a prompt.",
);

const authorizeStep = step({
  key: "authorize",
  title: "Build the authorization URL",
  description: "PKCE (S256), a fresh state and nonce, your scopes and prompt=select_employer; open it in a new tab to sign in, consent and pick an employer.",
  after: ["discovery"],
  fields: [
    { name: "scope", label: "Scopes", kind: "checkboxes", options: SCOPES.map((s) => ({ value: s, label: s })), initial: SCOPES.join(" ") },
    promptChoice.field,
  ],
  input: z.object({
    scope: z
      .string()
      .trim()
      .refine((v) => v.split(" ").filter(Boolean).every((s) => (SCOPES as readonly string[]).includes(s)), "Choose among Indeed’s scopes.")
      .refine((v) => v.length > 0, "Choose at least one scope."),
    prompt: promptChoice.input,
  }),
  async run(context, input) {
    const server = serverOf(context);
    if (!server.authorization_endpoint) return { ok: false, message: "The issuer names no authorization endpoint." };
    const redirectUri = callbackUrl(context.run.origin);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const until = expiry(AUTHORIZE_WINDOW_S);
    await Promise.all([
      context.vault.put("code_verifier", verifier, until),
      context.vault.put("nonce", nonce, until),
      context.vault.put("state", state, until),
    ]);
    await context.setState(state);
    const url = new URL(server.authorization_endpoint);
    const params: Record<string, string> = {
      client_id: context.run.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: input.scope,
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    };
    if (input.prompt) params.prompt = input.prompt;
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const allowed = await isRedirectAllowed(context.run.appId, redirectUri);
    return {
      ok: allowed,
      message: allowed
        ? "Open the authorization URL: after consent Indeed sends the browser back to the tool’s callback, which exchanges the code."
        : `The tool’s callback ${redirectUri} is not on the app’s redirect allowlist, so Indeed would refuse it. Add it, then build the URL again.`,
      facts: [
        ["Redirect URI", redirectUri],
        ["PKCE", "S256 (the verifier stays on the server)"],
        ["Scopes requested", input.scope],
      ],
      data: { authorizeUrl: url.toString(), requestedScopes: input.scope, ...(allowed ? {} : { missingRedirect: redirectUri }) },
    };
  },
});

const exchangeStep = step({
  key: "callback",
  title: "Exchange the code",
  description: "Runs when Indeed sends the browser back to the tool’s callback: checks state, exchanges the code with the PKCE verifier, validates the ID token and its nonce.",
  after: ["discovery", "authorize"],
  fields: [CLIENT_AUTH_FIELD],
  input: z.object({ auth: clientAuthInput.default("basic") }),
  async run(context, input) {
    const server = serverOf(context);
    const [callback, state, verifier, nonce] = await Promise.all(["callback_url", "state", "code_verifier", "nonce"].map((n) => context.vault.get(n)));
    if (!callback) return { ok: false, message: "No callback yet: open the authorization URL and finish signing in; the callback runs this step." };
    if (!state || !verifier || !nonce) return { ok: false, message: "This authorization is too old: build the authorization URL again." };
    const returned = new URL(callback);
    const params = oauth.validateAuthResponse(server, client(context), returned, state);
    const employer = params.get("employer");
    context.hide(params.get("code") ?? "", "token", "CODE");
    context.http.label("Token request (authorization code)");
    const response = await oauth.authorizationCodeGrantRequest(server, client(context), await clientAuth(context, input.auth), params, callbackUrl(context.run.origin), verifier, {
      ...context.http.options,
      ...(employer ? { additionalParameters: { employer } } : {}),
    });
    const tokens = await oauth.processAuthorizationCodeResponse(server, client(context), response, { expectedNonce: nonce, requireIdToken: true });
    const idClaims = oauth.getValidatedIdTokenClaims(tokens)!;
    const access = await keepToken(context, "user_access_token", tokens.access_token, expiry(tokens.expires_in));
    const id = await keepToken(context, "id_token", tokens.id_token!, new Date(idClaims.exp * 1000), context.run.clientId);
    const kept = [access.kept, id.kept];
    if (tokens.refresh_token) kept.push((await keepToken(context, "refresh_token", tokens.refresh_token, expiry(REFRESH_TTL_S))).kept);
    const requested = scopeList((context.earlier.authorize?.requestedScopes as string | undefined) ?? "");
    const listed = Array.isArray(idClaims.employers) ? (idClaims.employers as { id: string; name: string }[]) : [];
    return {
      ok: id.report?.verification.ok === true,
      message:
        id.report?.verification.ok === true
          ? `Exchanged the code: the ID token is signed by the issuer, for this client, with the nonce sent.${employer ? "" : " No employer came back."}`
          : `Exchanged the code, but the ID token’s signature did not verify: ${id.report && !id.report.verification.ok ? id.report.verification.reason : "it is not a JWT"}.`,
      facts: [
        ...scopeFacts(requested, scopeList(tokens.scope)),
        ["Employer that came back", employer ?? "none"],
        ["Employer (emp) of the access token", employerFact(access.report?.claims)],
        ["User (sub)", idClaims.sub],
        ["Refresh token", tokens.refresh_token ? "issued (offline_access)" : "none (ask for offline_access)"],
      ],
      tokens: [id.report, access.report].filter((r) => r !== null),
      kept,
      data: {
        subject: idClaims.sub,
        employers: [{ value: "", label: "None: drop the employer" }, ...listed.map((e) => ({ value: e.id, label: `${e.name} (${e.id})` }))],
      },
    };
  },
});

const userinfoStep = step({
  key: "userinfo",
  title: "Call userinfo",
  description: "GET userinfo with the user’s access token: who signed in and the employers they can act for.",
  after: ["discovery", "callback"],
  fields: [],
  input: z.object({}),
  async run(context) {
    const server = serverOf(context);
    const token = await context.vault.get("user_access_token");
    if (!token) return { ok: false, message: "The user’s access token has expired or was never issued: authorize again or refresh." };
    context.http.label("userinfo");
    const response = await oauth.userInfoRequest(server, client(context), token, context.http.options);
    const subject = context.earlier.callback?.subject as string;
    const info = await oauth.processUserInfoResponse(server, client(context), subject, response);
    const employers = Array.isArray(info.employers) ? (info.employers as { id: string; name: string }[]) : [];
    return {
      ok: true,
      message: `userinfo names ${info.email ?? info.sub}.`,
      facts: [
        ["sub", info.sub],
        ["email", String(info.email ?? "(not shared: ask for the email scope)")],
        ["email_verified", String(info.email_verified ?? "(not said)")],
        ["employers", employers.map((e) => `${e.name} (${e.id})`).join(", ") || "(none)"],
      ],
    };
  },
});

export const refreshStep = step({
  key: "refresh",
  title: "Refresh the tokens",
  description: "grant_type=refresh_token: with an employer the new access token represents it (a switch); without one, none (a drop).",
  after: ["discovery", "callback"],
  fields: [{ name: "employer", label: "Employer", kind: "select", optionsFrom: { step: "callback", key: "employers" } }, CLIENT_AUTH_FIELD],
  input: z.object({
    employer: z
      .string()
      .trim()
      .refine((v) => v === "" || /^[0-9a-f]{32}$/.test(v), "Choose one of the user’s employers, or none."),
    auth: clientAuthInput,
  }),
  async run(context, input) {
    const server = serverOf(context);
    const refreshToken = await context.vault.get("refresh_token");
    if (!refreshToken) return { ok: false, message: "No refresh token is held: authorize again with the offline_access scope." };
    context.http.label("Token request (refresh)");
    const response = await oauth.refreshTokenGrantRequest(server, client(context), await clientAuth(context, input.auth), refreshToken, {
      ...context.http.options,
      ...(input.employer ? { additionalParameters: { employer: input.employer } } : {}),
    });
    const tokens = await oauth.processRefreshTokenResponse(server, client(context), response);
    const access = await keepToken(context, "user_access_token", tokens.access_token, expiry(tokens.expires_in));
    const kept = [access.kept];
    if (tokens.refresh_token) kept.push((await keepToken(context, "refresh_token", tokens.refresh_token, expiry(REFRESH_TTL_S))).kept);
    const emp = access.report?.claims.emp;
    const ok = input.employer ? emp === input.employer : emp === undefined;
    return {
      ok,
      message: ok
        ? input.employer
          ? `Refreshed: the new access token represents employer ${input.employer}.`
          : "Refreshed without an employer: the new access token represents none."
        : `Refreshed, but the access token’s emp is ${typeof emp === "string" ? emp : "missing"}, not what was asked for.`,
      facts: [
        ["Employer (emp)", employerFact(access.report?.claims)],
        ["Scope", tokens.scope ?? "(not said)"],
        ["Refresh token", tokens.refresh_token ? "a new one (the old one is spent)" : "unchanged"],
      ],
      tokens: access.report ? [access.report] : [],
      kept,
    };
  },
});

export const indeedAuthorizationCodeFlow: FlowDefinition = {
  id: "indeed.authorization-code",
  provider: "indeed",
  title: "Indeed authorization code",
  description: "A user signs in on Indeed, consents and picks an employer; the code comes back to the tool, which exchanges it, checks the ID token, calls userinfo and refreshes.",
  steps: [discoveryStep, authorizeStep, exchangeStep, userinfoStep, refreshStep],
  credentials: indeedClientCredentials,
  routes: indeedRoutes,
  autoRefresh: { step: "refresh", token: "user_access_token" },
};
