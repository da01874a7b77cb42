// The authorization endpoint of the Indeed emulator, as rules: how a request is validated
// (RFC 6749 §4.1.1 and §4.1.2.1, RFC 7636, RFC 9700), which scopes the consent screen asks for
// (incremental authorization), whether the employer picker shows, and where an
// AuthorizationRequest row stands. No database and no framework here: authorization-flow.ts feeds
// it rows and the route handlers under app/indeed turn its answers into responses.
import { InvalidClient, InvalidRequest, InvalidScope, OAuthError, UnauthorizedClient, UnsupportedResponseType } from "../../oauth/errors";
import { isIndeedScope, sortScopes, type IndeedScope } from "./scopes";

/** An authorization code lives 10 minutes, like Indeed's. */
export const CODE_LIFETIME_SECONDS = 10 * 60;
/** Time a user has to sign in, consent and pick an employer. */
export const REQUEST_LIFETIME_SECONDS = 15 * 60;

const MAX_VALUE_LENGTH = 4096;
const MAX_CLIENT_ID_LENGTH = 256;
const MAX_REDIRECT_URI_LENGTH = 2048;
/** RFC 7636 §4.2: BASE64URL(SHA-256(verifier)) is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** Standard OIDC clients send `openid`; Indeed always returns an ID token, so it changes nothing. */
const IGNORED_SCOPES = new Set(["openid"]);
const PROMPTS = new Set(["select_employer"]);

/** The query string of an authorize request, each parameter once (RFC 6749 §3.1). */
export interface AuthorizeParams {
  values: Map<string, string>;
  /** Parameters sent more than once. */
  duplicated: Set<string>;
  /**
   * Parameters (by name, or by their raw name when the name itself does not decode) whose value
   * is not text an OAuth parameter can hold: percent-encoding that is not UTF-8, U+FFFD, or a
   * control character such as NUL.
   */
  malformed: Set<string>;
}

/**
 * U+FFFD is how invalid UTF-8 arrives: the framework decodes the query and encodes it again before
 * any route code sees it, so `%FF` reaches us as `%EF%BF%BD`. It cannot be told from a client's
 * own U+FFFD, so both are refused (docs/decisions/018). Control characters (NUL above all, which no
 * PostgreSQL text can hold) are no part of a client_id, a URI, a state (RFC 6749 Appendix A.5:
 * VSCHAR), a scope or a nonce.
 */
const UNACCEPTABLE = /[\u0000-\u001f\u007f\ufffd]/;

/**
 * Reads `?a=1&b=2` strictly: form-urlencoding (`+` is a space), invalid percent-encoding flagged
 * rather than silently replaced, so `state` comes back byte for byte or not at all.
 */
export function readAuthorizeParams(search: string): AuthorizeParams {
  const values = new Map<string, string>();
  const duplicated = new Set<string>();
  const malformed = new Set<string>();
  const seen = new Set<string>();
  const query = search.startsWith("?") ? search.slice(1) : search;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const name = decodeComponent(rawName);
    if (name === null || UNACCEPTABLE.test(name)) {
      malformed.add(rawName.slice(0, 64));
      continue;
    }
    if (seen.has(name)) {
      duplicated.add(name);
      continue;
    }
    seen.add(name);
    const value = decodeComponent(rawValue);
    if (value === null || UNACCEPTABLE.test(value)) malformed.add(name);
    else values.set(name, value);
  }
  return { values, duplicated, malformed };
}

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/** What the authorization endpoint needs to know about the client named by `client_id`. */
export interface AuthorizeClient {
  /** The Client row's id. */
  id: string;
  isPublic: boolean;
  grantTypes: readonly string[];
}

export interface AuthorizeLookup {
  /** The OAuth 2.0 client (of an Indeed app) with this client_id, or null. */
  findClient(clientId: string): Promise<AuthorizeClient | null>;
  /** Whether `uri` is, character for character, on the client's Redirect URL Allowlist. */
  isRegisteredRedirectUri(client: AuthorizeClient, uri: string): Promise<boolean>;
}

/** A request that passed every check: what the AuthorizationRequest row stores. */
export interface ValidAuthorizeRequest {
  client: AuthorizeClient;
  redirectUri: string;
  scopes: IndeedScope[];
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  prompt: string | null;
}

export type AuthorizeOutcome =
  /** The client or the redirect URI cannot be trusted: show an error page, never redirect. */
  | { kind: "error-page"; error: OAuthError }
  /** Redirect the error to the verified redirect URI (RFC 6749 §4.1.2.1). */
  | { kind: "error-redirect"; error: OAuthError; redirectUri: string; state: string | null }
  | { kind: "valid"; request: ValidAuthorizeRequest };

/**
 * Validates an authorize request in the RFC's order: until the client and its redirect URI are
 * known, an error is shown to the user; from then on it goes back to the client with `state`.
 */
export async function validateAuthorizeRequest(params: AuthorizeParams, lookup: AuthorizeLookup): Promise<AuthorizeOutcome> {
  const page = (error: OAuthError): AuthorizeOutcome => ({ kind: "error-page", error });
  const { values, duplicated } = params;

  const { malformed } = params;
  const unreadable = (name: string) => new InvalidRequest(`The ${name} parameter is not valid percent-encoded UTF-8 text.`);

  // @see RFC 6749 §4.1.2.1: a missing, invalid or mismatching client or redirect URI is never redirected to.
  if (malformed.has("client_id")) return page(unreadable("client_id"));
  if (duplicated.has("client_id")) return page(new InvalidRequest("The client_id parameter was sent more than once."));
  const clientId = values.get("client_id");
  if (!clientId) return page(new InvalidRequest("The client_id parameter is missing."));
  const client = clientId.length <= MAX_CLIENT_ID_LENGTH ? await lookup.findClient(clientId) : null;
  if (!client) return page(new InvalidClient("There is no OAuth client with this client_id."));
  if (malformed.has("redirect_uri")) return page(unreadable("redirect_uri"));
  if (duplicated.has("redirect_uri")) return page(new InvalidRequest("The redirect_uri parameter was sent more than once."));
  const redirectUri = values.get("redirect_uri");
  if (!redirectUri) return page(new InvalidRequest("The redirect_uri parameter is missing."));
  if (redirectUri.length > MAX_REDIRECT_URI_LENGTH || !(await lookup.isRegisteredRedirectUri(client, redirectUri))) {
    return page(new InvalidRequest("The redirect_uri is not on this client's Redirect URL Allowlist (it must match exactly)."));
  }

  // A state that cannot come back byte for byte does not come back at all.
  const state = duplicated.has("state") || malformed.has("state") ? null : (values.get("state") ?? null);
  const redirect = (error: OAuthError): AuthorizeOutcome => ({ kind: "error-redirect", error, redirectUri, state });

  if (malformed.size > 0) {
    return redirect(
      new InvalidRequest(`Parameters must be valid percent-encoded UTF-8 text without control characters: ${[...malformed].sort().join(", ")}.`),
    );
  }

  if (duplicated.size > 0) {
    return redirect(new InvalidRequest(`Parameters must not be sent more than once: ${[...duplicated].sort().join(", ")}.`));
  }
  for (const [name, value] of values) {
    if (value.length > MAX_VALUE_LENGTH) return redirect(new InvalidRequest(`The ${name} parameter is too long.`));
  }
  // @see RFC 6749 §4.1.2.1: unauthorized_client once the redirect URI is known to be the client's.
  if (!client.grantTypes.includes("AUTHORIZATION_CODE")) {
    return redirect(new UnauthorizedClient("This client may not use the authorization code grant."));
  }
  const responseType = values.get("response_type");
  if (!responseType) return redirect(new InvalidRequest("The response_type parameter is missing."));
  if (responseType !== "code") return redirect(new UnsupportedResponseType("Only response_type=code is supported."));

  const scopes = parseScope(values.get("scope"));
  if (scopes instanceof OAuthError) return redirect(scopes);

  // @see RFC 7636 §4.3, RFC 9700 §2.1.1: S256 only; `plain` (also the default when no method is named) is refused.
  const codeChallenge = values.get("code_challenge") ?? null;
  const method = values.get("code_challenge_method") ?? null;
  if (codeChallenge === null && method !== null) {
    return redirect(new InvalidRequest("code_challenge_method was sent without a code_challenge."));
  }
  if (codeChallenge !== null) {
    if (method !== "S256") return redirect(new InvalidRequest("code_challenge_method must be S256 (plain is not supported)."));
    if (!S256_CHALLENGE.test(codeChallenge)) {
      return redirect(new InvalidRequest("code_challenge must be the 43-character base64url SHA-256 of the code verifier."));
    }
  }
  if (client.isPublic && codeChallenge === null) {
    return redirect(new InvalidRequest("A public client must send a PKCE code_challenge (S256)."));
  }

  const prompt = parsePrompt(values.get("prompt"));
  if (prompt instanceof OAuthError) return redirect(prompt);

  return {
    kind: "valid",
    request: {
      client,
      redirectUri,
      scopes,
      state,
      nonce: values.get("nonce") || null,
      codeChallenge,
      prompt,
    },
  };
}

/** The requested Indeed scopes, in the table's order; `openid` accepted and dropped. */
export function parseScope(value: string | undefined): IndeedScope[] | OAuthError {
  const tokens = (value ?? "").split(" ").filter((t) => t !== "");
  const scopes: IndeedScope[] = [];
  for (const token of tokens) {
    if (!SCOPE_TOKEN.test(token)) return new InvalidScope("The scope parameter contains characters a scope cannot have.");
    if (IGNORED_SCOPES.has(token)) continue;
    if (!isIndeedScope(token)) return new InvalidScope(`Unknown scope: ${token}.`);
    scopes.push(token);
  }
  return sortScopes(scopes);
}

function parsePrompt(value: string | undefined): string | null | OAuthError {
  const values = (value ?? "").split(" ").filter((t) => t !== "");
  if (values.length === 0) return null;
  const unknown = values.find((v) => !PROMPTS.has(v));
  if (unknown) return new InvalidRequest(`Unsupported prompt value: ${unknown.slice(0, 64)}.`);
  return [...new Set(values)].join(" ");
}

// ─── Consent ────────────────────────────────────────────────────────────────────────────────

export interface ConsentPlan {
  /** Scopes the consent screen asks for now (each can be unticked). */
  ask: IndeedScope[];
  /** Scopes granted before that the code carries without asking again. */
  keep: IndeedScope[];
}

/**
 * Incremental authorization: scopes granted before are kept, and not asked again, only while the
 * grant holds `offline_access` (Indeed: "incremental authorization requires offline_access").
 * Without it nothing is remembered and every requested scope is asked for again.
 */
export function planConsent(requested: readonly string[], granted: readonly string[] | null): ConsentPlan {
  const asked = sortScopes(requested.filter(isIndeedScope));
  const previous = sortScopes((granted ?? []).filter(isIndeedScope));
  if (!previous.includes("offline_access")) return { ask: asked, keep: [] };
  return { ask: asked.filter((s) => !previous.includes(s)), keep: previous };
}

/** Whether the consent screen can be skipped: the grant already covers the request. */
export function consentIsImplied(plan: ConsentPlan): boolean {
  return plan.ask.length === 0 && plan.keep.length > 0;
}

/** What the code will carry: the kept scopes and the ones ticked, never anything not asked. */
export function grantedScopes(plan: ConsentPlan, ticked: readonly string[]): IndeedScope[] {
  return sortScopes([...plan.keep, ...plan.ask.filter((s) => ticked.includes(s))]);
}

/** @see providers.md: prompt=select_employer shows the picker only together with employer_access. */
export function wantsEmployerPicker(prompt: string | null, granted: readonly string[]): boolean {
  return (prompt ?? "").split(" ").includes("select_employer") && granted.includes("employer_access");
}

// ─── The request record ─────────────────────────────────────────────────────────────────────

export type RequestStage = "expired" | "completed" | "awaiting-consent" | "awaiting-employer";

export function requestStage(
  row: { expiresAt: Date; completedAt: Date | null; consentedAt: Date | null },
  now = new Date(),
): RequestStage {
  if (row.completedAt) return "completed";
  if (row.expiresAt <= now) return "expired";
  return row.consentedAt ? "awaiting-employer" : "awaiting-consent";
}

/** The opaque handle of a request, as it appears in the emulator's page URLs. */
export function isRequestHandle(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

// ─── The response ───────────────────────────────────────────────────────────────────────────

/**
 * The redirect URI with the response parameters appended to the query it already has, which is
 * kept exactly as registered (RFC 6749 §3.1.2). Null and undefined parameters are left out.
 */
export function authorizationResponseUrl(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const hash = redirectUri.indexOf("#");
  const base = hash === -1 ? redirectUri : redirectUri.slice(0, hash);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) query.append(name, value);
  }
  const added = query.toString();
  if (added === "") return base;
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${added}`;
}

/**
 * An error response to the client (RFC 6749 §4.1.2.1). Like Indeed's, responses carry no `iss`
 * (discovery says authorization_response_iss_parameter_supported: false).
 */
export function errorResponseUrl(redirectUri: string, error: OAuthError, state: string | null): string {
  return authorizationResponseUrl(redirectUri, { error: error.error, error_description: error.description, state });
}
