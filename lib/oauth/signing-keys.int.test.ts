// Signing keys: created once however many instances ask at once, stored sealed, published
// public-only, rotated with the old key published until its tokens have expired, and a
// rotation made elsewhere reaching every instance within the re-check interval.
import { generateKeyPairSync, randomUUID, sign as cryptoSign, type KeyObject } from "node:crypto";
import { errors as joseErrors, importJWK, jwtVerify } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seal } from "../crypto/secret-box";
import { useTestDatabase } from "../testing/database";
import { useTestKeys } from "../testing/test-keys";
import { JwtRejected, signJwt, verifyJwt, verifyProviderJwt } from "./jwt";
import {
  ACTIVE_KEY_RECHECK_MS,
  activeSigningKey,
  publishedAfterRetirementMs,
  publishedKeys,
  rotateSigningKey,
  type KeyOwner,
} from "./signing-keys";

const t = useTestDatabase();
const ISSUER = "http://emulator.test/indeed";
const KEYS: KeyOwner = { provider: "INDEED", longestTokenLifetimeS: 3600 };

useTestKeys();
afterEach(() => vi.restoreAllMocks());

const now = () => Math.floor(Date.now() / 1000);
const sign = (extra: Record<string, unknown> = {}) => signJwt("INDEED", { sub: "app:x", iss: ISSUER, iat: now(), exp: now() + 3600, ...extra });

/** What another instance (or the CLI on another machine) writes when it rotates. */
async function rotateElsewhere() {
  const kid = randomUUID();
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  await t.prisma.$transaction([
    t.prisma.signingKey.updateMany({ where: { provider: "INDEED", retiredAt: null }, data: { retiredAt: new Date() } }),
    t.prisma.signingKey.create({
      data: {
        id: kid,
        provider: "INDEED",
        alg: "ES256",
        publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: "ES256", use: "sig" },
        privateKey: new Uint8Array(seal(JSON.stringify(jwk), `signing-key:${kid}`)),
      },
    }),
  ]);
  return kid;
}

describe("signing keys", () => {
  it("are created once, even when many instances ask at the same time", async () => {
    // publishedKeys asks the database directly every time: ten concurrent first needs.
    await Promise.all(Array.from({ length: 10 }, () => publishedKeys(KEYS)));
    const rows = await t.prisma.signingKey.findMany({ where: { provider: "INDEED" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.retiredAt).toBeNull();
    expect((await activeSigningKey("INDEED")).kid).toBe(rows[0]!.id);
  });

  it("keep the private key sealed at rest and publish only the public half", async () => {
    const row = await t.prisma.signingKey.findFirstOrThrow({ where: { provider: "INDEED", retiredAt: null } });
    const { keys } = await publishedKeys(KEYS);
    expect(keys).toEqual([{ kty: "EC", crv: "P-256", x: expect.any(String), y: expect.any(String), kid: row.id, alg: "ES256", use: "sig" }]);
    expect(Buffer.from(row.privateKey).toString("latin1")).not.toContain('"d"');
    expect(Buffer.from(row.privateKey).toString("latin1")).not.toContain(String(keys[0]!.x));
  });

  it("rotate: the new key signs, the old one stays published and its tokens still verify", async () => {
    const before = await sign();
    const oldKid = (await activeSigningKey("INDEED")).kid;
    const rotation = await rotateSigningKey(KEYS);
    expect(rotation.retired).toEqual([oldKid]);
    expect((await activeSigningKey("INDEED")).kid).toBe(rotation.kid);
    const after = await sign();
    expect(JSON.parse(Buffer.from(after.split(".")[0]!, "base64url").toString()).kid).toBe(rotation.kid);
    expect((await publishedKeys(KEYS)).keys.map((k) => k.kid)).toEqual([rotation.kid, oldKid]);
    await expect(verifyJwt("INDEED", before, ISSUER)).resolves.toMatchObject({ sub: "app:x" });
    await expect(verifyJwt("INDEED", after, ISSUER)).resolves.toMatchObject({ sub: "app:x" });
  });

  it("drop a retired key from the JWKS once every token it signed has expired", async () => {
    const { kid: retiredKid } = await activeSigningKey("INDEED");
    await rotateSigningKey(KEYS);
    const window = publishedAfterRetirementMs(KEYS);
    expect(window).toBeGreaterThan(3600_000 + ACTIVE_KEY_RECHECK_MS);
    const retiredAt = (await t.prisma.signingKey.findUniqueOrThrow({ where: { id: retiredKid } })).retiredAt!;
    const kids = async (at: number) => (await publishedKeys(KEYS, new Date(at))).keys.map((k) => k.kid);
    expect(await kids(retiredAt.getTime() + window - 1000)).toContain(retiredKid);
    expect(await kids(retiredAt.getTime() + window + 1000)).not.toContain(retiredKid);
  });

  it("reach every instance within the re-check interval when rotated elsewhere", async () => {
    const cached = (await activeSigningKey("INDEED")).kid;
    const newKid = await rotateElsewhere();
    expect((await activeSigningKey("INDEED")).kid).toBe(cached);
    const later = Date.now() + ACTIVE_KEY_RECHECK_MS + 1000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    expect((await activeSigningKey("INDEED")).kid).toBe(newKid);
  });

  it("refuse tokens signed by a key that is not theirs, or with another alg", async () => {
    const token = await sign();
    const [header, payload] = token.split(".");
    const foreignKid = Buffer.from(JSON.stringify({ kid: randomUUID(), typ: "JWT", alg: "ES256" })).toString("base64url");
    await expect(verifyJwt("INDEED", `${foreignKid}.${payload}.${token.split(".")[2]}`, ISSUER)).rejects.toMatchObject({ error: "invalid_token" });
    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    await expect(verifyJwt("INDEED", `${none}.${payload}.x`, ISSUER)).rejects.toMatchObject({ error: "invalid_token" });
    await expect(verifyJwt("INDEED", `${header}.${payload}.${"A".repeat(86)}`, ISSUER)).rejects.toMatchObject({ error: "invalid_token" });
    await expect(verifyJwt("SEEK", token, ISSUER)).rejects.toMatchObject({ error: "invalid_token" });
    const expired = await sign({ iat: now() - 7200, exp: now() - 3600 });
    await expect(verifyJwt("INDEED", expired, ISSUER)).rejects.toMatchObject({ error: "invalid_token", description: "The access token has expired." });
  });
});

describe("verifying a token", () => {
  // Tokens of every shape, signed with the active key, checked by verifyProviderJwt and by
  // jose's jwtVerify with the same options: both must accept and refuse the same tokens.
  async function craft(header: Record<string, unknown>, claims: unknown, signWith?: KeyObject): Promise<string> {
    const key = await activeSigningKey("INDEED");
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${encode({ kid: key.kid, typ: "JWT", alg: "ES256", ...header })}.${encode(claims)}`;
    const signature = cryptoSign("sha256", Buffer.from(input), { key: signWith ?? key.privateKey, dsaEncoding: "ieee-p1363" });
    return `${input}.${signature.toString("base64url")}`;
  }
  // One instant for both verifiers, so that "exp now" is exactly now.
  const at = new Date();
  const nowS = Math.floor(at.getTime() / 1000);
  const good = () => ({ sub: "app:x", iss: ISSUER, iat: nowS, exp: nowS + 60 });

  it("accepts and refuses what jose does, and says why", async () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const cases: [string, Promise<string>, JwtRejected["reason"] | null][] = [
      ["a good token", craft({}, good()), null],
      ["typ application/jwt", craft({ typ: "application/JWT" }, good()), null],
      ["nbf in the past", craft({}, { ...good(), nbf: nowS - 10 }), null],
      ["typ at+jwt", craft({ typ: "at+jwt" }, good()), "invalid"],
      ["alg ES384", craft({ alg: "ES384" }, good()), "invalid"],
      ["a crit header", craft({ crit: ["exp"] }, good()), "invalid"],
      ["another key's signature", craft({}, good(), other), "invalid"],
      ["another issuer", craft({}, { ...good(), iss: "http://elsewhere.test" }), "invalid"],
      ["no sub", craft({}, { ...good(), sub: undefined }), "invalid"],
      ["no exp", craft({}, { ...good(), exp: undefined }), "invalid"],
      ["exp as a string", craft({}, { ...good(), exp: String(nowS + 60) }), "invalid"],
      ["iat as a string", craft({}, { ...good(), iat: "now" }), "invalid"],
      ["nbf in the future", craft({}, { ...good(), nbf: nowS + 60 }), "invalid"],
      ["claims that are an array", craft({}, [good()]), "invalid"],
      ["exp now", craft({}, { ...good(), exp: nowS }), "expired"],
    ];
    const jwk = (await publishedKeys(KEYS)).keys[0]!;
    const publicKey = await importJWK(jwk, "ES256");
    for (const [what, crafted, reason] of cases) {
      const token = await crafted;
      const ours = await verifyProviderJwt("INDEED", token, { issuer: ISSUER, requiredClaims: ["iat", "sub"], now: at }).then(
        () => null,
        (error: unknown) => (error instanceof JwtRejected ? error.reason : error),
      );
      const jose = await jwtVerify(token, publicKey, { issuer: ISSUER, algorithms: ["ES256"], typ: "JWT", requiredClaims: ["iat", "exp", "sub"], currentDate: at }).then(
        () => null,
        (error: unknown) => (error instanceof joseErrors.JWTExpired ? "expired" : "invalid"),
      );
      expect({ what, ours }).toEqual({ what, ours: reason });
      expect({ what, jose }).toEqual({ what, jose: reason });
    }
  });

  it("tells a malformed token and an unknown key apart, and keeps an expired token's claims", async () => {
    const malformed = ["", "a.b", "a.b.c.d", "not a token", `${Buffer.from("{").toString("base64url")}.e30.AA`];
    for (const token of malformed) {
      await expect(verifyProviderJwt("INDEED", token, { issuer: ISSUER, requiredClaims: [] })).rejects.toMatchObject({ reason: "malformed" });
    }
    const unknown = await craft({ kid: randomUUID() }, good());
    await expect(verifyProviderJwt("INDEED", unknown, { issuer: ISSUER, requiredClaims: [] })).rejects.toMatchObject({ reason: "unknown-key" });
    await expect(verifyProviderJwt("SEEK", await craft({}, good()), { issuer: ISSUER, requiredClaims: [] })).rejects.toMatchObject({ reason: "unknown-key" });
    const expired = await craft({}, { ...good(), exp: nowS - 1, azp: "abc" });
    await expect(verifyProviderJwt("INDEED", expired, { issuer: ISSUER, requiredClaims: [] })).rejects.toMatchObject({
      reason: "expired",
      payload: { azp: "abc" },
    });
  });
});
