// SEEK's partner token endpoint through its route handler, as clients call it: plain JSON
// fetch as SEEK's documentation shows, and oauth4webapi's client credentials grant
// (form-encoded, with `audience`). Every negative case asserts the exact status and error.
import { createLocalJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/seek/oauth/token/route";
import { GET as jwksGet } from "../../../app/seek/.well-known/jwks.json/route";
import { CLIENT_AUTH_LIMIT } from "../../oauth/client-auth-throttle";
import { SEEK_REQUEST_RECORD_RETENTION_DAYS } from "../../credentials/seek";
import { pruneSeekRequestRecords } from "./store";
import { useTestDatabase } from "../../testing/database";
import { useTestKeys } from "../../testing/test-keys";
import { postJson, SEEK_ISSUER, SEEK_URLS, seekFetch } from "../../testing/seek-http";
import { seekRows, type TestSeekCredential } from "../../testing/seek-rows";

const t = useTestDatabase();
const seek = seekRows(() => t.prisma);

const PLAYGROUND = "https://test.graphql.seek.com";
const LIVE = "https://graphql.seek.com";

let playground: TestSeekCredential;
let live: TestSeekCredential;

useTestKeys();

beforeAll(async () => {
  const partner = await t.rows.partner();
  const app = await seek.app(partner.id);
  playground = await seek.credential(app.id, "PLAYGROUND");
  live = await seek.credential(app.id, "LIVE");
});


const body = (credential: TestSeekCredential, extra: Record<string, unknown> = {}) => ({
  audience: credential.environment === "PLAYGROUND" ? PLAYGROUND : LIVE,
  client_id: credential.clientId,
  client_secret: credential.secret,
  grant_type: "client_credentials",
  ...extra,
});

async function verify(token: unknown, audience: string) {
  const jwks = (await (await jwksGet()).json()) as Parameters<typeof createLocalJWKSet>[0];
  return (await jwtVerify(String(token), createLocalJWKSet(jwks), { issuer: SEEK_ISSUER, audience, algorithms: ["ES256"] })).payload;
}

function expectError(response: { status: number; headers: Headers; body: Record<string, unknown> }, status: number, error: string, description?: string) {
  expect(response.status).toBe(status);
  expect(response.body.error).toBe(error);
  expect(typeof response.body.error_description).toBe("string");
  if (description) expect(response.body.error_description).toBe(description);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.body).not.toHaveProperty("access_token");
}

describe("a partner token by plain JSON fetch, as SEEK documents it", () => {
  it("issues a signed Playground token for the test audience, with expires_in and no refresh token", async () => {
    const response = await postJson(SEEK_URLS.partnerToken, body(playground));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(response.body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(response.body.token_type).toBe("Bearer");
    expect(response.body.expires_in).toBe(1800);
    const claims = await verify(response.body.access_token, PLAYGROUND);
    expect(claims).toMatchObject({ sub: `${playground.clientId}@clients`, azp: playground.clientId, token_use: "partner" });
    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it("issues a live token for the live audience to live credentials", async () => {
    const response = await postJson(SEEK_URLS.partnerToken, body(live));
    expect(response.status).toBe(200);
    expect((await verify(response.body.access_token, LIVE)).azp).toBe(live.clientId);
  });

  it("reads expires_in from the admins' setting on every request", async () => {
    await t.prisma.seekSettings.upsert({ where: { id: 1 }, create: { partnerTokenExpiresIn: 120 }, update: { partnerTokenExpiresIn: 120 } });
    try {
      const response = await postJson(SEEK_URLS.partnerToken, body(playground));
      expect(response.body.expires_in).toBe(120);
      const claims = await verify(response.body.access_token, PLAYGROUND);
      expect(claims.exp! - claims.iat!).toBe(120);
    } finally {
      await t.prisma.seekSettings.delete({ where: { id: 1 } });
    }
  });

  it("marks the secret as used", async () => {
    const row = await t.prisma.seekClientSecret.findUniqueOrThrow({ where: { id: playground.secretId } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("a partner token through oauth4webapi's client credentials grant", () => {
  const as: oauth.AuthorizationServer = { issuer: SEEK_ISSUER, token_endpoint: SEEK_URLS.partnerToken };
  const http = { [oauth.customFetch]: seekFetch(), [oauth.allowInsecureRequests]: true };

  for (const [name, auth] of [
    ["client_secret_post (form-encoded)", (secret: string) => oauth.ClientSecretPost(secret)],
    ["client_secret_basic", (secret: string) => oauth.ClientSecretBasic(secret)],
  ] as const) {
    it(`authenticates with ${name} and names the audience`, async () => {
      const client: oauth.Client = { client_id: playground.clientId };
      const response = await oauth.clientCredentialsGrantRequest(
        as,
        client,
        auth(playground.secret),
        new URLSearchParams({ audience: PLAYGROUND }),
        http,
      );
      const result = await oauth.processClientCredentialsResponse(as, client, response);
      expect(result.token_type).toBe("bearer");
      expect(result.expires_in).toBe(1800);
      expect(result.refresh_token).toBeUndefined();
      expect((await verify(result.access_token, PLAYGROUND)).azp).toBe(playground.clientId);
    });
  }

  it("surfaces the emulator's error to oauth4webapi as a ResponseBodyError", async () => {
    const client: oauth.Client = { client_id: playground.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretPost("not-the-secret"),
      new URLSearchParams({ audience: PLAYGROUND }),
      http,
    );
    await expect(oauth.processClientCredentialsResponse(as, client, response)).rejects.toMatchObject({
      error: "access_denied",
      status: 401,
    });
  });
});

describe("refusals", () => {
  // Each: the credential, what the request changes, and the refusal (status, error, description).
  const refusals: [string, () => TestSeekCredential, Record<string, unknown>, number, string, string][] = [
    ["a wrong secret: 401 access_denied Unauthorized", () => playground, { client_secret: "wrong" }, 401, "access_denied", "Unauthorized"],
    ["an unknown client: the same 401", () => playground, { client_id: "nobody" }, 401, "access_denied", "Unauthorized"],
    ["a missing client_secret: the same 401", () => playground, { client_secret: undefined }, 401, "access_denied", "Unauthorized"],
    ["a missing client_id: 400 invalid_request", () => playground, { client_id: undefined }, 400, "invalid_request", "Missing required parameter: client_id"],
    [
      "Playground credentials with the live audience: 403 access_denied",
      () => playground,
      { audience: LIVE },
      403,
      "access_denied",
      `Client is not authorized to access "${LIVE}".`,
    ],
    [
      "live credentials with the Playground audience: 403 access_denied",
      () => live,
      { audience: PLAYGROUND },
      403,
      "access_denied",
      `Client is not authorized to access "${PLAYGROUND}".`,
    ],
    [
      "a missing audience: 403 access_denied",
      () => playground,
      { audience: undefined },
      403,
      "access_denied",
      "No audience parameter was provided, and no default audience has been configured",
    ],
    [
      "an unknown audience: 403 access_denied Service not found",
      () => playground,
      { audience: "https://graphql.seek.com/" },
      403,
      "access_denied",
      "Service not found: https://graphql.seek.com/",
    ],
  ];
  for (const [title, credential, change, status, error, description] of refusals) {
    it(title, async () => {
      expectError(await postJson(SEEK_URLS.partnerToken, body(credential(), change)), status, error, description);
    });
  }

  it("a revoked secret: 401", async () => {
    const revoked = await seek.secret(playground.id, { revokedAt: new Date() });
    expectError(await postJson(SEEK_URLS.partnerToken, body(playground, { client_secret: revoked.value })), 401, "access_denied");
  });

  it("a rotated-out secret works until its overlap's stored end, and not after", async () => {
    const ends = new Date(Date.now() + 3600_000);
    const rotated = await seek.secret(playground.id, { expiresAt: ends });
    const during = await postJson(SEEK_URLS.partnerToken, body(playground, { client_secret: rotated.value }), { clock: { now: new Date(ends.getTime() - 1000) } });
    expect(during.status).toBe(200);
    const after = await postJson(SEEK_URLS.partnerToken, body(playground, { client_secret: rotated.value }), { clock: { now: ends } });
    expectError(after, 401, "access_denied", "Unauthorized");
  });

  it("another grant type Auth0 knows: 403 unauthorized_client; an unknown one: 400 unsupported_grant_type", async () => {
    expectError(await postJson(SEEK_URLS.partnerToken, body(playground, { grant_type: "refresh_token" })), 403, "unauthorized_client");
    expectError(await postJson(SEEK_URLS.partnerToken, body(playground, { grant_type: "magic" })), 400, "unsupported_grant_type");
    expectError(
      await postJson(SEEK_URLS.partnerToken, body(playground, { grant_type: undefined })),
      400,
      "invalid_request",
    );
  });

  it("malformed JSON, a non-object, a non-string value: 400 invalid_request", async () => {
    expectError(await postJson(SEEK_URLS.partnerToken, '{"grant_type": "client_credentials",'), 400, "invalid_request");
    expectError(await postJson(SEEK_URLS.partnerToken, "[1,2]"), 400, "invalid_request");
    expectError(await postJson(SEEK_URLS.partnerToken, body(playground, { audience: 42 })), 400, "invalid_request");
  });

  it("an oversized body: 413 invalid_request", async () => {
    expectError(await postJson(SEEK_URLS.partnerToken, body(playground, { padding: "x".repeat(20_000) })), 413, "invalid_request");
  });

  it("a body that is neither JSON nor a form: 415 invalid_request", async () => {
    const response = await seekFetch()(SEEK_URLS.partnerToken, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    expectError({ status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }, 415, "invalid_request");
  });

  it("past the failure limit: 429 with Retry-After for every attempt, the right secret included", async () => {
    const app = await seek.app((await t.rows.partner()).id);
    const target = await seek.credential(app.id, "PLAYGROUND");
    for (let i = 0; i < CLIENT_AUTH_LIMIT.max; i += 1) {
      expectError(await postJson(SEEK_URLS.partnerToken, body(target, { client_secret: `wrong-${i}` })), 401, "access_denied");
    }
    const locked = await postJson(SEEK_URLS.partnerToken, body(target));
    expectError(locked, 429, "temporarily_unavailable");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const later = { now: new Date(Date.now() + CLIENT_AUTH_LIMIT.windowSeconds * 1000 + 1000) };
    expect((await postJson(SEEK_URLS.partnerToken, body(target), { clock: later })).status).toBe(200);
  });

  it("a GET: 405 with Allow: POST", async () => {
    const response = await GET(new Request(SEEK_URLS.partnerToken));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("request records", () => {
  it("records each request with its credential, outcome and tracing headers", async () => {
    const requestId = crypto.randomUUID();
    const sessionId = crypto.randomUUID();
    const headers = { "x-request-id": requestId, "x-session-id": sessionId };
    await postJson(SEEK_URLS.partnerToken, body(live), { headers });
    await postJson(SEEK_URLS.partnerToken, body(live, { client_secret: "wrong" }), { headers });
    const records = await t.prisma.seekRequestRecord.findMany({ where: { xSessionId: sessionId }, orderBy: { createdAt: "asc" } });
    expect(records.map((r) => [r.endpoint, r.credentialId, r.appId, r.environment, r.httpStatus, r.errorCode])).toEqual([
      ["PARTNER_TOKEN", live.id, live.appId, "LIVE", 200, null],
      ["PARTNER_TOKEN", live.id, live.appId, "LIVE", 401, "access_denied"],
    ]);
    expect(records.every((r) => r.userAgent === "YourPartnerService/1.2.3" && r.xRequestId === requestId)).toBe(true);
    expect(records[1]!.errorMessage).toBe("Unauthorized");
  });

  it("records a request without a known credential too, and never the secret", async () => {
    const sessionId = crypto.randomUUID();
    await postJson(SEEK_URLS.partnerToken, body(playground, { client_id: "nobody", client_secret: "s3cr3t-value" }), { headers: { "x-session-id": sessionId } });
    const [record] = await t.prisma.seekRequestRecord.findMany({ where: { xSessionId: sessionId } });
    expect(record).toMatchObject({ credentialId: null, httpStatus: 401, errorCode: "access_denied" });
    expect(JSON.stringify(record)).not.toContain("s3cr3t-value");
  });

  it("prunes records past the retention period and keeps the rest", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - (SEEK_REQUEST_RECORD_RETENTION_DAYS * 24 + 1) * 3600_000);
    const base = { endpoint: "PARTNER_TOKEN" as const, appId: live.appId, credentialId: live.id, environment: "LIVE" as const, httpStatus: 200 };
    const stale = await t.prisma.seekRequestRecord.create({ data: { ...base, createdAt: old }, select: { id: true } });
    const fresh = await t.prisma.seekRequestRecord.create({ data: { ...base, createdAt: new Date(now.getTime() - 3600_000) }, select: { id: true } });
    expect(await pruneSeekRequestRecords(now)).toBeGreaterThanOrEqual(1);
    expect(await t.prisma.seekRequestRecord.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await t.prisma.seekRequestRecord.findUnique({ where: { id: fresh.id } })).not.toBeNull();
  });
});
