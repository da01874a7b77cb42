// 3-legged OAuth at the token endpoint: code redemption (once, atomically), PKCE, redirect URI
// matching, refresh token rotation and reuse detection, employer switching, and userinfo, with
// the codes and grants the authorization endpoint writes.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { s256 } from "../../oauth/pkce";
import { useTestDatabase } from "../../testing/database";
import { indeedRows, partnerWithClient, type TestClient } from "../../testing/token-rows";
import { useTestKeys } from "../../testing/test-keys";
import { basic, getResource, ISSUER, ORIGIN, tokenJson, verified } from "../../testing/token-http";
import { userinfoEndpoint } from "./resources";

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);
const REDIRECT = "http://localhost:8976/callback";

let partner: { id: string; name: string };
let client: TestClient;
let employers: { id: string; name: string }[];
let account: { id: string; subject: string; email: string };

useTestKeys();

beforeAll(async () => {
  ({ partner, client, employers } = await partnerWithClient(t.rows, indeed));
  account = await indeed.account({ employerIds: employers.map((e) => e.id) });
});

const redeem = (code: string, extra: Record<string, string> = {}, who: TestClient = client) =>
  tokenJson({
    params: { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: who.clientId, client_secret: who.secret, ...extra },
  });

const refresh = (refreshToken: unknown, extra: Record<string, string> = {}, who: TestClient = client) =>
  tokenJson({
    params: { grant_type: "refresh_token", refresh_token: String(refreshToken) },
    authorization: basic(who.clientId, who.secret),
    ...(Object.keys(extra).length ? { params: { grant_type: "refresh_token", refresh_token: String(refreshToken), ...extra } } : {}),
  });

const userinfo = async (accessToken: unknown) => {
  const response = await getResource("userinfo", String(accessToken));
  return { status: response.status, challenge: response.headers.get("www-authenticate"), body: (await response.json()) as Record<string, unknown> };
};

describe("authorization code exchange", () => {
  it("returns Indeed's response: access token, refresh token, ID token, consented scope, convid", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const { code, id } = await indeed.code(client, account, {
      scopes: ["offline_access", "email", "employer_access"],
      grantScopes: ["email", "offline_access", "employer_access"],
      codeChallenge: s256(verifier),
      nonce: "n-0S6_WzA2Mj",
    });
    const { status, headers, body } = await redeem(code, { code_verifier: verifier });
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(body).sort()).toEqual(
      ["access_token", "consented_scope", "convid", "expires_in", "id_token", "refresh_token", "scope", "token_type"],
    );
    expect(body).toMatchObject({
      scope: "email offline_access employer_access",
      consented_scope: "email offline_access employer_access",
      token_type: "Bearer",
      expires_in: 3600,
      convid: expect.stringMatching(/^[0-9a-z]{16}$/),
    });
    const access = await verified(body.access_token);
    expect(access.claims).toEqual({
      sub: `user:${account.subject}`,
      act: { sub: `app:${client.clientId}` },
      azp: client.clientId,
      scope: "email offline_access employer_access",
      iss: ISSUER,
      iat: expect.any(Number),
      exp: (access.claims.iat as number) + 3600,
      sid: id,
    });
    const idToken = await verified(body.id_token, { audience: client.clientId });
    expect(idToken.claims).toEqual({
      iss: ISSUER,
      sub: account.subject,
      aud: client.clientId,
      iat: expect.any(Number),
      exp: (idToken.claims.iat as number) + 3600,
      nonce: "n-0S6_WzA2Mj",
      sid: id,
      email: account.email,
      email_verified: true,
      employers: [
        { id: employers[1]!.id, name: "Dharma Initiative" },
        { id: employers[0]!.id, name: "Umbrella Corporation" },
      ],
    });
    const info = await userinfo(body.access_token);
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ sub: account.subject, email: account.email, email_verified: true, employers: idToken.claims.employers });
  });

  it("releases only what was granted: no scopes gives only OIDC's claims and no refresh token", async () => {
    const { code } = await indeed.code(client, account, { scopes: [], grantScopes: [] });
    const { body } = await redeem(code);
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).toBe("");
    const { claims } = await verified(body.id_token, { audience: client.clientId });
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "sid", "sub"]);
    expect((await userinfo(body.access_token)).body).toEqual({ sub: account.subject });

    const { code: emailOnly } = await indeed.code(client, account, { scopes: ["email"] });
    const second = await redeem(emailOnly);
    expect((await userinfo(second.body.access_token)).body).toEqual({ sub: account.subject, email: account.email, email_verified: true });
  });

  it("is single-use: a second redemption fails and revokes what the first one issued", async () => {
    const { code } = await indeed.code(client, account);
    const first = await redeem(code);
    expect(first.status).toBe(200);
    expect((await userinfo(first.body.access_token)).status).toBe(200);
    const again = await redeem(code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    const info = await userinfo(first.body.access_token);
    expect(info.status).toBe(401);
    expect(info.challenge).toContain('error="invalid_token"');
    expect((await refresh(first.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("of 20 parallel redemptions, exactly one succeeds", async () => {
    const { code, id } = await indeed.code(client, account);
    const results = await Promise.all(Array.from({ length: 20 }, () => redeem(code)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.error === "invalid_grant")).toHaveLength(19);
    const row = await t.prisma.authorizationCode.findUniqueOrThrow({ where: { id } });
    expect(row.consumedAt).not.toBeNull();
    expect(row.revokedAt).not.toBeNull();
    expect(await t.prisma.refreshToken.count({ where: { codeId: id, revokedAt: null } })).toBe(0);
  });

  it("needs the exact redirect URI of the authorization request", async () => {
    const { code } = await indeed.code(client, account);
    const variants = [
      undefined,
      `${REDIRECT}/`,
      REDIRECT.toUpperCase(),
      "http://localhost:8976/Callback",
      `${REDIRECT}?x=1`,
      "http://127.0.0.1:8976/callback",
      "https://localhost:8976/callback",
      `${REDIRECT}#`,
    ];
    for (const redirect of variants) {
      const params: Record<string, string> = { grant_type: "authorization_code", code, client_id: client.clientId, client_secret: client.secret };
      if (redirect !== undefined) params.redirect_uri = redirect;
      const { status, body } = await tokenJson({ params });
      expect(status, String(redirect)).toBe(400);
      expect(body.error, String(redirect)).toBe("invalid_grant");
    }
    // The failed attempts did not burn the code for its rightful redemption.
    expect((await redeem(code)).status).toBe(200);
  });

  it("refuses another app's code without burning it", async () => {
    const other = await indeed.client(partner.id);
    const { code } = await indeed.code(client, account);
    const stolen = await redeem(code, {}, other);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toBe("invalid_grant");
    expect((await redeem(code)).status).toBe(200);
  });

  it("refuses an unknown or expired code, and a client not registered for the grant", async () => {
    expect((await redeem("not-a-code")).body.error).toBe("invalid_grant");
    const { code } = await indeed.code(client, account, { expiresAt: new Date(Date.now() - 1000) });
    expect((await redeem(code)).body).toEqual({ error: "invalid_grant", error_description: "The authorization code has expired." });
    const ccOnly = await indeed.client(partner.id, { grantTypes: ["CLIENT_CREDENTIALS"] });
    const { code: theirs } = await indeed.code(ccOnly, account);
    expect((await redeem(theirs, {}, ccOnly)).body.error).toBe("unauthorized_client");
  });

  it("enforces the review: while not approved only the partner's sandbox accounts get tokens", async () => {
    const inReview = await indeed.client(partner.id, { reviewStatus: "IN_REVIEW" });
    const { code } = await indeed.code(inReview, account);
    const refused = await redeem(code, {}, inReview);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("unauthorized_client");
    const tester = await indeed.account({ partnerId: partner.id });
    const { code: own } = await indeed.code(inReview, tester);
    expect((await redeem(own, {}, inReview)).status).toBe(200);
    const stranger = await indeed.account({ partnerId: (await t.rows.partner()).id });
    const { code: foreign } = await indeed.code(inReview, stranger);
    expect((await redeem(foreign, {}, inReview)).body.error).toBe("unauthorized_client");
  });
});

describe("PKCE (S256 only)", () => {
  const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  it("refuses a wrong or missing verifier, and a verifier for a code without challenge", async () => {
    const { code } = await indeed.code(client, account, { codeChallenge: s256(verifier) });
    const wrong = await redeem(code, { code_verifier: `${verifier.slice(0, -1)}A` });
    expect(wrong.body.error).toBe("invalid_grant");
    expect((await redeem(code)).body.error).toBe("invalid_grant");
    expect((await redeem(code, { code_verifier: verifier })).status).toBe(200);

    const { code: plain } = await indeed.code(client, account, { codeChallenge: null });
    const downgrade = await redeem(plain, { code_verifier: verifier });
    expect(downgrade.body).toEqual({
      error: "invalid_grant",
      error_description: "The code was issued without a code_challenge, but a code_verifier was sent.",
    });
  });

  it("refuses a malformed verifier as invalid_request", async () => {
    const { code } = await indeed.code(client, account, { codeChallenge: s256(verifier) });
    for (const bad of ["short", "x".repeat(129), `${verifier.slice(0, 42)}!`]) {
      expect((await redeem(code, { code_verifier: bad })).body.error, bad).toBe("invalid_request");
    }
  });

  it("lets a public client redeem with client_id and PKCE, and never without PKCE", async () => {
    const spa = await indeed.client(partner.id, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] });
    const { code } = await indeed.code(spa, account, { codeChallenge: s256(verifier) });
    const ok = await tokenJson({
      params: { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: spa.clientId, code_verifier: verifier },
    });
    expect(ok.status).toBe(200);
    const { code: noPkce } = await indeed.code(spa, account);
    const refused = await tokenJson({
      params: { grant_type: "authorization_code", code: noPkce, redirect_uri: REDIRECT, client_id: spa.clientId },
    });
    expect(refused.body.error).toBe("invalid_grant");
    const withSecret = await tokenJson({
      params: { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: spa.clientId, client_secret: "guess" },
    });
    expect(withSecret.status).toBe(401);
    expect(withSecret.body.error).toBe("invalid_client");
  });
});

describe("employers", () => {
  it("represents one of the account's employers, switches on refresh and drops it without `employer`", async () => {
    const { code } = await indeed.code(client, account);
    const first = await redeem(code, { employer: employers[0]!.id });
    expect((await verified(first.body.access_token)).claims.emp).toBe(employers[0]!.id);

    const switched = await refresh(first.body.refresh_token, { employer: employers[1]!.id });
    expect(switched.status).toBe(200);
    expect((await verified(switched.body.access_token)).claims.emp).toBe(employers[1]!.id);

    const dropped = await refresh(switched.body.refresh_token);
    expect((await verified(dropped.body.access_token)).claims.emp).toBeUndefined();

    const foreign = await indeed.employer();
    const refused = await refresh(dropped.body.refresh_token, { employer: foreign.id });
    expect(refused.body.error).toBe("invalid_grant");
  });

  it("needs employer_access, and an employer of this account", async () => {
    const { code } = await indeed.code(client, account, { scopes: ["offline_access"] });
    expect((await redeem(code, { employer: employers[0]!.id })).body.error).toBe("invalid_scope");
    const loner = await indeed.account();
    const { code: lonerCode } = await indeed.code(client, loner);
    expect((await redeem(lonerCode, { employer: employers[0]!.id })).body.error).toBe("invalid_grant");
  });
});

describe("refresh tokens", () => {
  it("rotate: the new token lives 60 days from the refresh, carries the same scopes and works", async () => {
    const { code } = await indeed.code(client, account, { scopes: ["email", "offline_access"] });
    const first = await redeem(code);
    const before = Date.now();
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.headers.get("cache-control")).toBe("no-store");
    expect(second.body.refresh_token).toEqual(expect.any(String));
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(second.body.scope).toBe("email offline_access");
    const idToken = await verified(second.body.id_token, { audience: client.clientId });
    expect(idToken.claims.nonce).toBeUndefined();
    expect(idToken.claims.email).toBe(account.email);
    const stored = await t.prisma.refreshToken.findMany({ where: { codeId: (await verified(second.body.access_token)).claims.sid as string }, orderBy: { createdAt: "asc" } });
    expect(stored).toHaveLength(2);
    expect(stored[0]!.rotatedAt).not.toBeNull();
    expect(stored[1]!.familyId).toBe(stored[0]!.familyId);
    expect(stored[1]!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60 * 24 * 3600_000 - 5000);
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
  });

  it("reuse of a rotated token revokes the family and its access tokens", async () => {
    const { code } = await indeed.code(client, account);
    const first = await redeem(code);
    const second = await refresh(first.body.refresh_token);
    expect((await userinfo(second.body.access_token)).status).toBe(200);
    const replay = await refresh(first.body.refresh_token);
    expect(replay.body.error).toBe("invalid_grant");
    expect((await refresh(second.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await userinfo(second.body.access_token)).status).toBe(401);
  });

  it("narrow the scope on request, never widen it", async () => {
    const { code } = await indeed.code(client, account, { scopes: ["email", "offline_access"] });
    const first = await redeem(code);
    const narrowed = await refresh(first.body.refresh_token, { scope: "offline_access" });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope).toBe("offline_access");
    expect((await userinfo(narrowed.body.access_token)).body).toEqual({ sub: account.subject });
    const widened = await refresh(narrowed.body.refresh_token, { scope: "email employer_access" });
    expect(widened.body.error).toBe("invalid_scope");
    // The refused request did not consume the token.
    expect((await refresh(narrowed.body.refresh_token)).body.scope).toBe("email offline_access");
  });

  it("stop working when the user revokes the app, as do the access tokens", async () => {
    const revoker = await indeed.account();
    const { code, grantId } = await indeed.code(client, revoker);
    const first = await redeem(code);
    await t.prisma.grant.delete({ where: { id: grantId } });
    expect((await refresh(first.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await userinfo(first.body.access_token)).status).toBe(401);
  });

  it("are refused to another client, when expired, and when unknown", async () => {
    const { code } = await indeed.code(client, account);
    const first = await redeem(code);
    const other = await indeed.client(partner.id);
    expect((await refresh(first.body.refresh_token, {}, other)).body.error).toBe("invalid_grant");
    // The other client's attempt did not burn it.
    const mine = await refresh(first.body.refresh_token);
    expect(mine.status).toBe(200);
    await t.prisma.refreshToken.updateMany({ where: { revokedAt: null, rotatedAt: null, clientId: client.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await refresh(mine.body.refresh_token)).body).toEqual({ error: "invalid_grant", error_description: "The refresh token has expired." });
    expect((await refresh("unknown")).body.error).toBe("invalid_grant");
  });
});

describe("userinfo", () => {
  it("answers GET and POST, with the token in the header or the form body", async () => {
    const { code } = await indeed.code(client, account, { scopes: ["email"] });
    const { body } = await redeem(code);
    const token = body.access_token as string;
    const post = await userinfoEndpoint(
      new Request(`${ORIGIN}/indeed/v2/api/userinfo`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
    );
    expect(post.status).toBe(200);
    const form = await userinfoEndpoint(
      new Request(`${ORIGIN}/indeed/v2/api/userinfo`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ access_token: token }).toString(),
      }),
    );
    expect(await form.json()).toMatchObject({ sub: account.subject });
    const both = await userinfoEndpoint(
      new Request(`${ORIGIN}/indeed/v2/api/userinfo`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${token}` },
        body: new URLSearchParams({ access_token: token }).toString(),
      }),
    );
    expect(both.status).toBe(400);
    expect(both.headers.get("www-authenticate")).toContain('error="invalid_request"');
  });

  it("refuses client credentials tokens, tokens of another issuer, and malformed headers", async () => {
    const cc = await tokenJson({ params: { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret } });
    const appToken = await userinfo(cc.body.access_token);
    expect(appToken.status).toBe(401);
    expect(appToken.body.error).toBe("invalid_token");

    const { code } = await indeed.code(client, account);
    const { body } = await redeem(code);
    const elsewhere = await userinfoEndpoint(
      new Request("http://other.test/indeed/v2/api/userinfo", { headers: { authorization: `Bearer ${body.access_token}` } }),
    );
    expect(elsewhere.status).toBe(401);

    for (const authorization of ["Bearer", "Basic abc", "Bearer a b", "Bearer \u00e9t\u00e9"]) {
      const response = await userinfoEndpoint(new Request(`${ORIGIN}/indeed/v2/api/userinfo`, { headers: { authorization } }));
      expect(response.status, authorization).toBe(400);
    }
    const garbage = await userinfo("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyOngifQ.");
    expect(garbage.status).toBe(401);
  });
});
