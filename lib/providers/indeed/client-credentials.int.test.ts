// The token endpoint's client authentication and the client credentials grant, through the
// route handler, as a client (or an attacker) would call it.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateClient } from "../../oauth/client-auth";
import { useTestDatabase } from "../../testing/database";
import { indeedRows, partnerWithClient, type TestClient } from "../../testing/token-rows";
import { useTestKeys } from "../../testing/test-keys";
import { basic, getResource, ISSUER, postToken, tokenJson, verified } from "../../testing/token-http";

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);

let partner: { id: string; name: string };
let client: TestClient;
let employers: { id: string; name: string }[];
let registrant: { id: string; subject: string };
let outsider: { id: string; name: string };

useTestKeys();

beforeAll(async () => {
  ({ partner, client, employers } = await partnerWithClient(t.rows, indeed));
  outsider = await indeed.employer();
  registrant = await indeed.account({ partnerId: partner.id, employerIds: employers.map((e) => e.id), registrantOf: partner.id });
});

const cc = (extra: Record<string, string> = {}) => ({
  params: { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret, ...extra },
});

describe("client credentials", () => {
  it("issues an ES256 access token with Indeed's 2-legged claims (client_secret_post)", async () => {
    const { status, headers, body } = await tokenJson(cc({ scope: "employer_access" }));
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("pragma")).toBe("no-cache");
    expect(headers.get("content-type")).toContain("application/json");
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"]);
    expect(body).toMatchObject({ scope: "employer_access", token_type: "Bearer", expires_in: 3600 });
    const { kid, claims } = await verified(body.access_token);
    expect(kid).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims).toEqual({
      sub: `app:${client.clientId}`,
      app_account: registrant.subject,
      azp: client.clientId,
      scope: "employer_access",
      iss: ISSUER,
      iat: expect.any(Number),
      exp: (claims.iat as number) + 3600,
    });
    const [header] = (body.access_token as string).split(".");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toEqual({ kid, typ: "JWT", alg: "ES256" });
  });

  it("accepts HTTP Basic, form-urlencoded then base64 (RFC 6749 §2.3.1)", async () => {
    const { status, body } = await tokenJson({
      params: { grant_type: "client_credentials" },
      authorization: basic(client.clientId, client.secret),
    });
    expect(status).toBe(200);
    expect(body.scope).toBe("");
    expect((await verified(body.access_token)).claims.scope).toBe("");
  });

  it("represents an employer of the registrant in `emp`, and refuses any other", async () => {
    const ok = await tokenJson(cc({ scope: "employer_access", employer: employers[0]!.id }));
    expect(ok.status).toBe(200);
    expect((await verified(ok.body.access_token)).claims.emp).toBe(employers[0]!.id);

    const other = await tokenJson(cc({ scope: "employer_access", employer: outsider.id }));
    expect(other.status).toBe(400);
    expect(other.body.error).toBe("invalid_grant");

    const noScope = await tokenJson(cc({ employer: employers[0]!.id }));
    expect(noScope.status).toBe(400);
    expect(noScope.body.error).toBe("invalid_scope");

    const malformed = await tokenJson(cc({ scope: "employer_access", employer: "'; drop table" }));
    expect(malformed.body.error).toBe("invalid_request");
  });

  it("needs a registrant account to represent an employer; appinfo lists none without one", async () => {
    const lonely = await t.rows.partner();
    const lonelyClient = await indeed.client(lonely.id);
    const asked = await tokenJson({
      params: { grant_type: "client_credentials", client_id: lonelyClient.clientId, client_secret: lonelyClient.secret, scope: "employer_access", employer: employers[0]!.id },
    });
    expect(asked.body.error).toBe("invalid_grant");
    const plain = await tokenJson({
      params: { grant_type: "client_credentials", client_id: lonelyClient.clientId, client_secret: lonelyClient.secret, scope: "employer_access" },
    });
    const { claims } = await verified(plain.body.access_token);
    expect(claims.app_account).toBeUndefined();
    const info = await getResource("appinfo", plain.body.access_token as string);
    expect(await info.json()).toEqual({ employers: [] });
  });

  it("refuses 3-legged and unknown scopes", async () => {
    for (const scope of ["email", "offline_access", "employer_access email", "admin"]) {
      const { status, body } = await tokenJson(cc({ scope }));
      expect(status, scope).toBe(400);
      expect(body.error, scope).toBe("invalid_scope");
    }
  });

  it("is refused to a client not registered for it, and to a public client", async () => {
    const codeOnly = await indeed.client(partner.id, { grantTypes: ["AUTHORIZATION_CODE"] });
    const refused = await tokenJson({
      params: { grant_type: "client_credentials", client_id: codeOnly.clientId, client_secret: codeOnly.secret },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("unauthorized_client");

    const spa = await indeed.client(partner.id, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"] });
    const publicRefused = await tokenJson({ params: { grant_type: "client_credentials", client_id: spa.clientId } });
    expect(publicRefused.body.error).toBe("unauthorized_client");
  });
});

describe("appinfo", () => {
  it("lists the registrant's employers for a client credentials token with employer_access", async () => {
    const { body } = await tokenJson(cc({ scope: "employer_access" }));
    const response = await getResource("appinfo", body.access_token as string);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      employers: [
        { id: employers[1]!.id, name: "Dharma Initiative" },
        { id: employers[0]!.id, name: "Umbrella Corporation" },
      ],
    });
  });

  it("answers insufficient_scope without employer_access, and RFC 6750 challenges otherwise", async () => {
    const { body } = await tokenJson(cc());
    const noScope = await getResource("appinfo", body.access_token as string);
    expect(noScope.status).toBe(403);
    expect(noScope.headers.get("www-authenticate")).toBe(
      'Bearer realm="indeed", error="insufficient_scope", error_description="The appinfo endpoint needs a token with the employer_access scope.", scope="employer_access"',
    );
    expect(await noScope.json()).toMatchObject({ error: "insufficient_scope" });

    const none = await getResource("appinfo");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="indeed"');

    const forged = await getResource("appinfo", `${(body.access_token as string).slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses a token of the app once the app is gone", async () => {
    const doomed = await indeed.client(partner.id);
    const { body } = await tokenJson({
      params: { grant_type: "client_credentials", client_id: doomed.clientId, client_secret: doomed.secret, scope: "employer_access" },
    });
    await t.prisma.app.delete({ where: { id: doomed.appId } });
    const response = await getResource("appinfo", body.access_token as string);
    expect(response.status).toBe(401);
  });
});

describe("client authentication", () => {
  const invalidClient = async (call: Parameters<typeof tokenJson>[0], basicUsed = false) => {
    const { status, headers, body } = await tokenJson(call);
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("www-authenticate")).toBe(basicUsed ? 'Basic realm="indeed"' : null);
  };

  it("refuses a wrong secret, an unknown client and a missing authentication alike", async () => {
    await invalidClient(cc({ client_secret: `${client.secret.slice(0, -1)}x` }));
    await invalidClient(cc({ client_id: "nobody" }));
    await invalidClient({ params: { grant_type: "client_credentials" } });
    await invalidClient({ params: { grant_type: "client_credentials", client_id: client.clientId } });
    await invalidClient({ params: { grant_type: "client_credentials" }, authorization: basic(client.clientId, "wrong") }, true);
    await invalidClient({ params: { grant_type: "client_credentials" }, authorization: "Basic %%%" }, true);
    await invalidClient({ params: { grant_type: "client_credentials" }, authorization: `Basic ${Buffer.from("no-colon").toString("base64")}` }, true);
    await invalidClient(
      { params: { grant_type: "client_credentials" }, authorization: `Basic ${Buffer.from(`${client.clientId}:%E0%A4%A`).toString("base64")}` },
      true,
    );
  });

  it("refuses revoked and expired secrets, and accepts any other active one", async () => {
    const revoked = await indeed.secret(client.id, { revokedAt: new Date() });
    const expired = await indeed.secret(client.id, { expiresAt: new Date(Date.now() - 1000) });
    const future = await indeed.secret(client.id, { expiresAt: new Date(Date.now() + 3600_000) });
    await invalidClient(cc({ client_secret: revoked.value }));
    await invalidClient(cc({ client_secret: expired.value }));
    expect((await tokenJson(cc({ client_secret: future.value }))).status).toBe(200);
  });

  it("ends a secret at its expiry to the millisecond and reads its last use exactly, in any session time zone", async () => {
    // PGlite has one session, so the zone set here is the one the client lookup runs in.
    if (t.kind === "pglite") await t.prisma.$executeRawUnsafe("SET TIME ZONE 'Pacific/Chatham'");
    try {
      const fresh = await indeed.client(partner.id);
      const now = new Date(Date.now() + 3600_000);
      const lastUsedAt = new Date(now.getTime() - 59_000);
      const expiresAt = new Date(now.getTime() + 1);
      const expiring = await indeed.secret(fresh.id, { expiresAt, lastUsedAt });
      const credentials = { method: "client_secret_post" as const, clientId: fresh.clientId, secret: expiring.value };
      await expect(authenticateClient("INDEED", credentials, now)).resolves.toMatchObject({ clientId: fresh.clientId });
      // Used 59 s before: within the minute, so not written again.
      const stored = await t.prisma.clientSecret.findUniqueOrThrow({ where: { id: expiring.id } });
      expect(stored.lastUsedAt).toEqual(lastUsedAt);
      await expect(authenticateClient("INDEED", credentials, expiresAt)).rejects.toMatchObject({ error: "invalid_client" });
    } finally {
      if (t.kind === "pglite") await t.prisma.$executeRawUnsafe("SET TIME ZONE 'UTC'");
    }
  });

  it("refuses credentials in the body and in Basic at once", async () => {
    const { status, body } = await tokenJson({
      params: { grant_type: "client_credentials", client_secret: client.secret },
      authorization: basic(client.clientId, client.secret),
    });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    const mismatch = await tokenJson({
      params: { grant_type: "client_credentials", client_id: "someone-else" },
      authorization: basic(client.clientId, client.secret),
    });
    expect(mismatch.body.error).toBe("invalid_request");
  });

  it("refuses an Indeed Apply token's client and another provider's client", async () => {
    for (const fields of [{ credentialType: "INDEED_APPLY" as const }, { provider: "SEEK" as const }]) {
      const other = await indeed.client(partner.id);
      await t.prisma.app.update({ where: { id: other.appId }, data: fields });
      await invalidClient({ params: { grant_type: "client_credentials", client_id: other.clientId, client_secret: other.secret } });
    }
  });

  it("marks the secret as used, at most once a minute", async () => {
    const fresh = await indeed.client(partner.id);
    const lastUsed = async () => (await t.prisma.clientSecret.findUniqueOrThrow({ where: { id: fresh.secretId } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const params = { grant_type: "client_credentials", client_id: fresh.clientId, client_secret: fresh.secret };
    await tokenJson({ params });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await tokenJson({ params });
    expect(await lastUsed()).toEqual(first);
    const old = new Date(Date.now() - 61_000);
    await t.prisma.clientSecret.update({ where: { id: fresh.secretId }, data: { lastUsedAt: old } });
    await tokenJson({ params: {}, authorization: undefined }); // unauthenticated: no mark
    expect(await lastUsed()).toEqual(old);
    await tokenJson({ params: { grant_type: "client_credentials" }, authorization: basic(fresh.clientId, fresh.secret) });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(old.getTime());
  });
});

describe("request format", () => {
  it("takes only form-encoded POST bodies, each parameter once", async () => {
    const json = await tokenJson({ params: JSON.stringify({ grant_type: "client_credentials" }), contentType: "application/json" });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe("invalid_request");
    const noType = await tokenJson({ params: "grant_type=client_credentials", contentType: null });
    expect(noType.body.error).toBe("invalid_request");
    const twice = await tokenJson({
      params: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.secret}&scope=employer_access&scope=employer_access`,
    });
    expect(twice.body).toEqual({ error: "invalid_request", error_description: "The scope parameter is included more than once." });
    const charset = await tokenJson({ ...cc(), contentType: "application/x-www-form-urlencoded; charset=UTF-8" });
    expect(charset.status).toBe(200);
  });

  it("names a missing or unknown grant type", async () => {
    const missing = await tokenJson({ params: { client_id: client.clientId, client_secret: client.secret } });
    expect(missing.body.error).toBe("invalid_request");
    const unknown = await tokenJson(cc({ grant_type: "password" }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe("unsupported_grant_type");
  });

  it("checks in decision 011's order: grant_type, then the client, then the grant's registration, then the grant", async () => {
    const malformedBasic = { authorization: "Basic !!!" };
    // No grant_type and a malformed Basic header: the grant type is named first.
    const missing = await tokenJson({ params: { client_id: "nobody" }, ...malformedBasic });
    expect(missing.body).toEqual({ error: "invalid_request", error_description: "The grant_type parameter is missing." });
    // An unknown grant type with a malformed Basic header: unsupported before the client is read.
    const unknown = await tokenJson({ params: { grant_type: "password" }, ...malformedBasic });
    expect(unknown.body.error).toBe("unsupported_grant_type");
    // A known grant type from a client that fails authentication: invalid_client.
    const stranger = await tokenJson({ params: { grant_type: "authorization_code", client_id: "nobody", client_secret: "x" } });
    expect(stranger.status).toBe(401);
    expect(stranger.body.error).toBe("invalid_client");
    // An authenticated client not registered for the grant, whose request is also malformed for
    // that grant (no code): unauthorized_client before the grant's own checks.
    const ccOnly = await indeed.client(partner.id, { grantTypes: ["CLIENT_CREDENTIALS"] });
    const unregistered = await tokenJson({ params: { grant_type: "authorization_code", client_id: ccOnly.clientId, client_secret: ccOnly.secret } });
    expect(unregistered.body).toEqual({
      error: "unauthorized_client",
      error_description: "This client is not registered for the authorization code grant.",
    });
    // Registered: the grant's own check answers.
    const noCode = await tokenJson({ params: { grant_type: "authorization_code", client_id: client.clientId, client_secret: client.secret } });
    expect(noCode.body).toEqual({ error: "invalid_request", error_description: "The code parameter is missing." });
  });

  it("never answers a 500 to odd input", async () => {
    const odd = [
      "%%%",
      "grant_type=client_credentials&client_id=%00&client_secret=%FF",
      `grant_type=client_credentials&client_id=${"a".repeat(5000)}&client_secret=x`,
      "grant_type=authorization_code&client_id=x&code=%F0%9F%98%80",
      "=&&=&grant_type=",
      `grant_type=client_credentials&scope=employer_access`,
      "x".repeat(20_000),
    ];
    const nulInBasic = await postToken({
      params: { grant_type: "client_credentials" },
      authorization: `Basic ${Buffer.from("a%00b:c").toString("base64")}`,
    });
    expect(nulInBasic.status).toBe(401);
    for (const params of odd) {
      const response = await postToken({ params });
      expect(response.status, params.slice(0, 40)).toBeLessThan(500);
      expect((await response.json()) as object, params.slice(0, 40)).toHaveProperty("error");
    }
  });
});
