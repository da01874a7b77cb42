// Every token-side flow of the Indeed emulator driven by oauth4webapi, a strict standards
// client, against the real route handlers (its requests are dispatched to them in-process):
// discovery, client credentials + appinfo + an employer token, code + PKCE + ID token
// validation against the JWKS, refresh with employer switching, userinfo. The codes are the
// rows the authorization endpoint writes after consent (lib/testing/token-rows.ts).
import { createLocalJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../testing/database";
import { useTestKeys } from "../../testing/test-keys";
import { indeedRows, type TestClient } from "../../testing/token-rows";
import { INDEED_ROUTES } from "./routes";

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);
const ORIGIN = "http://emulator.test";
const REDIRECT = "http://localhost:8976/callback";

/** oauth4webapi's fetch, answered by the route handlers. */
const dispatch = async (url: string, init?: { method?: string; headers?: HeadersInit; body?: BodyInit | Uint8Array | null }) => {
  const request = new Request(url, init as RequestInit);
  const route = INDEED_ROUTES[`${request.method} ${new URL(request.url).pathname}`];
  if (!route) return new Response("Not Found", { status: 404 });
  return route(request);
};
const http = { [oauth.customFetch]: dispatch, [oauth.allowInsecureRequests]: true };

let as: oauth.AuthorizationServer;
let app: TestClient;
let client: oauth.Client;
let employers: { id: string; name: string }[];
let user: { id: string; subject: string; email: string };

useTestKeys();

beforeAll(async () => {
  const partner = await t.rows.partner();
  app = await indeed.client(partner.id);
  client = { client_id: app.clientId };
  employers = [await indeed.employer("Umbrella Corporation"), await indeed.employer("Dharma Initiative")];
  await indeed.account({ partnerId: partner.id, employerIds: [employers[0]!.id], registrantOf: partner.id });
  user = await indeed.account({ employerIds: employers.map((e) => e.id) });
  const issuer = new URL(`${ORIGIN}/indeed`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...http }));
});


async function verifyWithJwks(token: string) {
  const jwks = (await (await dispatch(as.jwks_uri!)).json()) as Parameters<typeof createLocalJWKSet>[0];
  return (await jwtVerify(token, createLocalJWKSet(jwks), { issuer: as.issuer, algorithms: ["ES256"] })).payload;
}

describe("oauth4webapi against the Indeed emulator", () => {
  it("discovers the issuer it fetched from", () => {
    expect(as.issuer).toBe(`${ORIGIN}/indeed`);
    expect(as.token_endpoint).toBe(`${ORIGIN}/indeed/oauth/v2/tokens`);
  });

  it("client credentials (post and Basic), appinfo, and a token for one employer", async () => {
    for (const auth of [oauth.ClientSecretPost(app.secret), oauth.ClientSecretBasic(app.secret)]) {
      const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: "employer_access" }, http);
      const tokens = await oauth.processClientCredentialsResponse(as, client, response);
      expect(tokens.token_type).toBe("bearer");
      expect(tokens.expires_in).toBe(3600);
      const claims = await verifyWithJwks(tokens.access_token);
      expect(claims.sub).toBe(`app:${app.clientId}`);

      const info = await oauth.protectedResourceRequest(tokens.access_token, "GET", new URL(`${ORIGIN}/indeed/v2/api/appinfo`), undefined, undefined, http);
      expect(await info.json()).toEqual({ employers: [{ id: employers[0]!.id, name: "Umbrella Corporation" }] });
    }
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(app.secret),
      { scope: "employer_access", employer: employers[0]!.id },
      http,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    expect((await verifyWithJwks(tokens.access_token)).emp).toBe(employers[0]!.id);
  });

  it("code + PKCE, a validated ID token, userinfo, and refresh with employer switching", async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const { code } = await indeed.code(app, user, {
      scopes: ["email", "offline_access", "employer_access"],
      codeChallenge: await oauth.calculatePKCECodeChallenge(verifier),
      nonce,
    });
    // The redirect the authorization endpoint sends after consent and employer selection.
    const callback = new URL(`${REDIRECT}?code=${code}&state=${state}&employer=${employers[1]!.id}`);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const exchange = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(app.secret), params, REDIRECT, verifier, {
      ...http,
      additionalParameters: { employer: callback.searchParams.get("employer")! },
    });
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, exchange, { expectedNonce: nonce, requireIdToken: true });
    // The ID token's signature, checked against the JWKS the discovery document names.
    await oauth.validateApplicationLevelSignature(as, exchange, http);
    const idClaims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(idClaims).toMatchObject({ sub: user.subject, aud: app.clientId, nonce, email: user.email, email_verified: true });
    expect(idClaims.employers).toHaveLength(2);
    expect((await verifyWithJwks(tokens.access_token)).emp).toBe(employers[1]!.id);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const info = await oauth.processUserInfoResponse(as, client, user.subject, await oauth.userInfoRequest(as, client, tokens.access_token, http));
    expect(info).toEqual({ sub: user.subject, email: user.email, email_verified: true, employers: idClaims.employers });

    const switched = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretBasic(app.secret), tokens.refresh_token!, {
        ...http,
        additionalParameters: { employer: employers[0]!.id },
      }),
    );
    expect((await verifyWithJwks(switched.access_token)).emp).toBe(employers[0]!.id);
    expect(oauth.getValidatedIdTokenClaims(switched)?.sub).toBe(user.subject);

    const without = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(app.secret), switched.refresh_token!, http),
    );
    expect((await verifyWithJwks(without.access_token)).emp).toBeUndefined();

    // The first refresh token was rotated: replaying it fails and revokes the family.
    const replay = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(app.secret), tokens.refresh_token!, http),
    );
    await expect(replay).rejects.toMatchObject({ error: "invalid_grant" });
    const revoked = oauth.processUserInfoResponse(as, client, user.subject, await oauth.userInfoRequest(as, client, without.access_token, http));
    await expect(revoked).rejects.toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  });

  it("a public client: code + PKCE with client_id alone", async () => {
    const partner = await t.rows.partner();
    const spa = await indeed.client(partner.id, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE"], reviewStatus: "APPROVED" });
    const spaClient: oauth.Client = { client_id: spa.clientId };
    const verifier = oauth.generateRandomCodeVerifier();
    const { code } = await indeed.code(spa, user, { scopes: ["offline_access"], codeChallenge: await oauth.calculatePKCECodeChallenge(verifier) });
    const params = oauth.validateAuthResponse(as, spaClient, new URL(`${REDIRECT}?code=${code}`), oauth.expectNoState);
    const response = await oauth.authorizationCodeGrantRequest(as, spaClient, oauth.None(), params, REDIRECT, verifier, http);
    const tokens = await oauth.processAuthorizationCodeResponse(as, spaClient, response, { requireIdToken: true });
    expect(tokens.scope).toBe("offline_access");
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      spaClient,
      await oauth.refreshTokenGrantRequest(as, spaClient, oauth.None(), tokens.refresh_token!, http),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });
});
