import { describe, expect, it } from "vitest";
import {
  authorizationResponseUrl,
  consentIsImplied,
  errorResponseUrl,
  grantedScopes,
  planConsent,
  readAuthorizeParams,
  requestStage,
  validateAuthorizeRequest,
  wantsEmployerPicker,
  type AuthorizeClient,
  type AuthorizeLookup,
} from "./authorize";
import { InvalidRequest } from "../../oauth/errors";

const CLIENT_ID = "a".repeat(64);
const REDIRECT = "https://app.example/callback?tenant=7";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

const confidential: AuthorizeClient = { id: "c1", isPublic: false, grantTypes: ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"] };

function lookup(client: AuthorizeClient | null = confidential): AuthorizeLookup {
  return {
    findClient: async (id) => (id === CLIENT_ID ? client : null),
    isRegisteredRedirectUri: async (_client, uri) => uri === REDIRECT,
  };
}

function query(params: Record<string, string>, extra = ""): string {
  return new URLSearchParams(params).toString() + extra;
}

const base = { client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: "code", state: "s t+ä/é" };

async function validate(params: Record<string, string>, extra = "", client?: AuthorizeClient | null) {
  return validateAuthorizeRequest(readAuthorizeParams(query(params, extra)), lookup(client === undefined ? confidential : client));
}

describe("readAuthorizeParams", () => {
  it("decodes form-urlencoding, flags duplicates and malformed encoding", () => {
    const p = readAuthorizeParams("?a=x+y%2Bz&b=1&b=2&c");
    expect(p.values.get("a")).toBe("x y+z");
    expect(p.values.get("b")).toBe("1");
    expect(p.values.get("c")).toBe("");
    expect([...p.duplicated]).toEqual(["b"]);
    expect([...p.malformed]).toEqual([]);
    expect([...readAuthorizeParams("state=%FF").malformed]).toEqual(["state"]);
  });

  it("flags U+FFFD (how the framework hands over invalid UTF-8) and control characters", () => {
    const p = readAuthorizeParams("state=%EF%BF%BD&nonce=a%00b&scope=a%0Ab&%FF=1&client_id=ok");
    expect([...p.malformed].sort()).toEqual(["%FF", "nonce", "scope", "state"]);
    expect(p.values.get("client_id")).toBe("ok");
    expect(p.values.has("state")).toBe(false);
  });
});

describe("validateAuthorizeRequest", () => {
  it("accepts a valid request and keeps state byte for byte", async () => {
    const outcome = await validate({ ...base, scope: "offline_access email openid", nonce: "n-1", prompt: "select_employer" });
    expect(outcome).toEqual({
      kind: "valid",
      request: {
        client: confidential,
        redirectUri: REDIRECT,
        scopes: ["email", "offline_access"],
        state: "s t+ä/é",
        nonce: "n-1",
        codeChallenge: null,
        prompt: "select_employer",
      },
    });
  });

  it("shows an error page, never a redirect, when the client or redirect URI cannot be trusted", async () => {
    const cases: [Record<string, string>, string, AuthorizeClient | null | undefined][] = [
      [{ ...base, client_id: "" }, "", undefined],
      [{ redirect_uri: REDIRECT, response_type: "code" }, "", undefined],
      [base, "", null],
      [{ ...base, client_id: "b".repeat(64) }, "", undefined],
      [{ ...base, client_id: "x".repeat(5000) }, "", undefined],
      [base, `&client_id=${CLIENT_ID}`, undefined],
      [{ ...base, redirect_uri: "https://app.example/callback" }, "", undefined],
      [{ ...base, redirect_uri: `${REDIRECT}&x=1` }, "", undefined],
      [{ ...base, redirect_uri: "HTTPS://app.example/callback?tenant=7" }, "", undefined],
      [{ client_id: CLIENT_ID, response_type: "code" }, "", undefined],
      [base, `&redirect_uri=${encodeURIComponent(REDIRECT)}`, undefined],
    ];
    for (const [params, extra, client] of cases) {
      const outcome = await validate(params, extra, client);
      expect(outcome.kind, JSON.stringify({ params, extra })).toBe("error-page");
    }
  });

  it("refuses NUL and invalid UTF-8 in client_id or redirect_uri with the error page, before any lookup", async () => {
    const looked: string[] = [];
    const spy: AuthorizeLookup = {
      findClient: async (id) => (looked.push(id), id === CLIENT_ID ? confidential : null),
      isRegisteredRedirectUri: async (_client, uri) => (looked.push(uri), uri === REDIRECT),
    };
    for (const search of [
      `client_id=${CLIENT_ID}%00&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code`,
      `client_id=%EF%BF%BD&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code`,
      `client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}%00&response_type=code`,
      `client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}%FF&response_type=code`,
    ]) {
      const outcome = await validateAuthorizeRequest(readAuthorizeParams(search), spy);
      expect(outcome, search).toMatchObject({ kind: "error-page", error: { error: "invalid_request" } });
    }
    expect(looked.some((v) => /[\u0000\ufffd]/.test(v))).toBe(false);
  });

  it("returns a state that is not valid UTF-8 text not at all, with invalid_request", async () => {
    for (const state of ["%FF", "%EF%BF%BD", "a%00b", "%C3"]) {
      const { client_id, redirect_uri, response_type } = base;
      const outcome = await validate({ client_id, redirect_uri, response_type }, `&state=${state}`);
      expect(outcome, state).toMatchObject({ kind: "error-redirect", redirectUri: REDIRECT, state: null, error: { error: "invalid_request" } });
      if (outcome.kind === "error-redirect") expect(outcome.error.description).toContain("state");
    }
  });

  it("redirects every other error with error, description and state", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ ...base, response_type: "token" }, "", "unsupported_response_type"],
      [{ ...base, response_type: "" }, "", "invalid_request"],
      [{ ...base, scope: "email jobs" }, "", "invalid_scope"],
      [{ ...base, scope: 'email "x"' }, "", "invalid_scope"],
      [{ ...base, code_challenge: CHALLENGE, code_challenge_method: "plain" }, "", "invalid_request"],
      [{ ...base, code_challenge: CHALLENGE }, "", "invalid_request"],
      [{ ...base, code_challenge: "short", code_challenge_method: "S256" }, "", "invalid_request"],
      [{ ...base, code_challenge_method: "S256" }, "", "invalid_request"],
      [{ ...base, prompt: "none" }, "", "invalid_request"],
      [base, "&scope=email&scope=email", "invalid_request"],
      [{ ...base, nonce: "n".repeat(5000) }, "", "invalid_request"],
      [base, "&junk=%E0%A4%A", "invalid_request"],
      [base, "&nonce=n%00", "invalid_request"],
    ];
    for (const [params, extra, error] of cases) {
      const outcome = await validate(params, extra);
      expect(outcome, JSON.stringify(params)).toMatchObject({ kind: "error-redirect", redirectUri: REDIRECT, state: base.state });
      if (outcome.kind === "error-redirect") expect(outcome.error.error).toBe(error);
    }
  });

  it("leaves state out of an error when state itself was duplicated", async () => {
    const outcome = await validate(base, "&state=again");
    expect(outcome).toMatchObject({ kind: "error-redirect", state: null });
  });

  it("requires PKCE S256 from public clients, and refuses clients without the code grant", async () => {
    const publicClient = { id: "p", isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] };
    expect(await validate(base, "", publicClient)).toMatchObject({ kind: "error-redirect", error: { error: "invalid_request" } });
    expect(await validate({ ...base, code_challenge: CHALLENGE, code_challenge_method: "S256" }, "", publicClient)).toMatchObject({
      kind: "valid",
      request: { codeChallenge: CHALLENGE },
    });
    const twoLegged = { id: "t", isPublic: false, grantTypes: ["CLIENT_CREDENTIALS"] };
    expect(await validate(base, "", twoLegged)).toMatchObject({ kind: "error-redirect", error: { error: "unauthorized_client" } });
  });
});

describe("incremental authorization", () => {
  it("asks for everything when nothing was granted", () => {
    const plan = planConsent(["email", "offline_access"], null);
    expect(plan).toEqual({ ask: ["email", "offline_access"], keep: [] });
    expect(consentIsImplied(plan)).toBe(false);
    expect(grantedScopes(plan, ["email", "employer_access"])).toEqual(["email"]);
  });

  it("asks only for new scopes while the grant holds offline_access, and keeps the rest", () => {
    const plan = planConsent(["employer_access"], ["email", "offline_access"]);
    expect(plan).toEqual({ ask: ["employer_access"], keep: ["email", "offline_access"] });
    expect(grantedScopes(plan, [])).toEqual(["email", "offline_access"]);
    expect(grantedScopes(plan, ["employer_access"])).toEqual(["email", "offline_access", "employer_access"]);
    expect(consentIsImplied(planConsent(["email"], ["email", "offline_access"]))).toBe(true);
  });

  it("remembers nothing without offline_access", () => {
    const plan = planConsent(["email"], ["email"]);
    expect(plan).toEqual({ ask: ["email"], keep: [] });
    expect(consentIsImplied(plan)).toBe(false);
    expect(consentIsImplied(planConsent([], []))).toBe(false);
  });
});

describe("the employer picker and the request stages", () => {
  it("shows the picker only for prompt=select_employer with employer_access granted", () => {
    expect(wantsEmployerPicker("select_employer", ["employer_access"])).toBe(true);
    expect(wantsEmployerPicker("select_employer", ["email"])).toBe(false);
    expect(wantsEmployerPicker(null, ["employer_access"])).toBe(false);
  });

  it("reads the stage of a request", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const later = new Date(now.getTime() + 1000);
    expect(requestStage({ expiresAt: later, completedAt: null, consentedAt: null }, now)).toBe("awaiting-consent");
    expect(requestStage({ expiresAt: later, completedAt: null, consentedAt: now }, now)).toBe("awaiting-employer");
    expect(requestStage({ expiresAt: now, completedAt: null, consentedAt: null }, now)).toBe("expired");
    expect(requestStage({ expiresAt: later, completedAt: now, consentedAt: now }, now)).toBe("completed");
  });
});

describe("the response URL", () => {
  it("appends to the registered query and encodes values", () => {
    expect(authorizationResponseUrl(REDIRECT, { code: "abc", state: "a b&c", employer: null })).toBe(
      "https://app.example/callback?tenant=7&code=abc&state=a+b%26c",
    );
    expect(authorizationResponseUrl("http://localhost:8976/callback", { code: "x" })).toBe("http://localhost:8976/callback?code=x");
    expect(authorizationResponseUrl("com.example.app:/cb", { code: "x" })).toBe("com.example.app:/cb?code=x");
  });

  it("carries error, description and state", () => {
    const url = new URL(errorResponseUrl(REDIRECT, new InvalidRequest("Nope."), "st"));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "7",
      error: "invalid_request",
      error_description: "Nope.",
      state: "st",
    });
  });
});
