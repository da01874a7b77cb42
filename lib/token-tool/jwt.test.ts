// The JWT panel's verdicts: the key that verified a token, or why it did not (each reason the
// page shows), with the JWKS fetched through the run's transport and recorded as an exchange.
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { inspectJwt } from "./jwt";
import { createTransport } from "./transport";

const ISSUER = "http://console.test/indeed";
const JWKS_URL = `${ISSUER}/.well-known/keys`;
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let other: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  keys = await generateKeyPair("ES256");
  other = await generateKeyPair("ES256");
  jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256", use: "sig" }] };
});

function sign(claims: Record<string, unknown>, { kid = "k1", key = keys.privateKey, exp = "1h" }: { kid?: string; key?: CryptoKey; exp?: string | number } = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid, typ: "JWT" }).setIssuedAt().setIssuer(ISSUER).setExpirationTime(exp).sign(key);
}

async function inspect(token: string, audience?: string, issuer = ISSUER) {
  const http = createTransport({ target: { kind: "emulator", base: "http://console.test" }, routes: { "GET /indeed/.well-known/keys": () => Response.json(jwks) } });
  const report = await inspectJwt("access_token", token, http, { jwksUrl: JWKS_URL, issuer, audience, jwksCache: new Map() });
  return { report: report!, http };
}

describe("inspectJwt", () => {
  it("decodes the token and names the key that verified it; the JWKS request is an exchange", async () => {
    const { report, http } = await inspect(await sign({ sub: "app:x", emp: "e1" }));
    expect(report.claims).toMatchObject({ sub: "app:x", emp: "e1", iss: ISSUER });
    expect(report.header).toMatchObject({ alg: "ES256", kid: "k1" });
    expect(report.verification).toEqual({ ok: true, summary: `signature verified with key k1 (ES256) of ${JWKS_URL}` });
    expect(http.exchanges.map((e) => [e.label, e.request.url, e.response?.status])).toEqual([["JWKS (to verify signatures)", JWKS_URL, 200]]);
  });

  it.each([
    ["an unknown kid", async () => sign({}, { kid: "k9" }), undefined, undefined, "unknown kid: the JWKS has no key k9"],
    ["a bad signature", async () => sign({}, { key: other.privateKey }), undefined, undefined, "bad signature: key k1 does not verify it"],
    ["an expired token", async () => sign({}, { exp: Math.floor(Date.now() / 1000) - 60 }), undefined, undefined, "expired: its exp is in the past"],
    ["a wrong issuer", async () => sign({}), undefined, "https://secure.indeed.com", "wrong issuer: expected https://secure.indeed.com"],
    ["a wrong audience", async () => sign({ aud: "someone-else" }), "client-1", undefined, "wrong audience: expected client-1"],
  ])("says why it failed: %s", async (_, token, audience, issuer, reason) => {
    const { report } = await inspect(await token(), audience, issuer);
    expect(report.verification).toEqual({ ok: false, reason });
  });

  it("is null for an opaque token", async () => {
    const http = createTransport({ target: { kind: "emulator", base: "http://console.test" }, routes: {} });
    expect(await inspectJwt("refresh_token", "opaque-value-123", http, { jwksUrl: JWKS_URL, issuer: ISSUER, jwksCache: new Map() })).toBeNull();
    expect(http.exchanges).toHaveLength(0);
  });
});
