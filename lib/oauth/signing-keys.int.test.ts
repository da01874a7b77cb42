// Signing keys: created once however many instances ask at once, stored sealed, published
// public-only, rotated with the old key published until its tokens have expired, and a
// rotation made elsewhere reaching every instance within the re-check interval.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seal } from "../crypto/secret-box";
import { useTestDatabase } from "../testing/database";
import { useTestKeys } from "../testing/test-keys";
import { verifyJwt, signJwt } from "./jwt";
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
