// No "server-only" marker: the operator CLI (keys:rotate) imports this module too.
// The emulators' JWT signing keys (ES256), one active per provider, stored in the database with
// the private half sealed under the credentials key. See docs/decisions/010.
// - The first key is created on first need, under a transaction-scoped advisory lock, so
//   instances starting together end up with one active key.
// - Rotation inserts a new key and retires the previous one in one locked transaction. Each
//   instance re-reads which key is active every ACTIVE_KEY_RECHECK_MS, so a rotation done on
//   another instance (or by the CLI) reaches every signer within that bound.
// - A retired key stays in the JWKS until every token it may have signed has expired.
// Memory holds only immutable data: a key row never changes except for retiredAt, which is
// read from the database every time it matters (the JWKS, the active key re-check).
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from "node:crypto";
import type { JWK } from "jose";
import { db } from "../db";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "../db-unavailable";
import { open, seal } from "../crypto/secret-box";
import type { PrismaClient } from "../generated/prisma/client";
import { Provider as Providers } from "../generated/prisma/enums";
import type { Provider } from "../generated/prisma/enums";

export const SIGNING_ALG = "ES256";

/** How long an instance may keep signing with a key after another instance rotated it. */
export const ACTIVE_KEY_RECHECK_MS = 30_000;

/**
 * A provider as its keys see it: whose keys, and the longest lifetime of anything they sign,
 * which decides how long a retired key stays published. Each provider states its own
 * (lib/providers/<provider>/keys.ts).
 */
export interface KeyOwner {
  provider: Provider;
  longestTokenLifetimeS: number;
}

/** Clock-skew allowance on top of lifetimes when deciding what stays published. */
const SKEW_MS = 60_000;

/** How long a retired key stays in the JWKS. */
export function publishedAfterRetirementMs(owner: KeyOwner): number {
  return owner.longestTokenLifetimeS * 1000 + ACTIVE_KEY_RECHECK_MS + SKEW_MS;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SigningKeyPair {
  kid: string;
  /**
   * The private key, imported once. A node:crypto KeyObject rather than a WebCrypto key: a
   * token is signed synchronously with it (lib/oauth/jwt.ts), without WebCrypto's job and
   * promise per signature.
   */
  privateKey: KeyObject;
}

const active = new Map<Provider, { key: SigningKeyPair; checkedAt: number }>();
const loading = new Map<Provider, Promise<SigningKeyPair>>();
const publicKeys = new Map<string, { provider: Provider; key: KeyObject }>();

/** Tests that swap databases or clocks start from an empty cache. */
export function forgetSigningKeysForTesting(): void {
  active.clear();
  loading.clear();
  publicKeys.clear();
}

/** Two 32-bit halves of the advisory lock guarding a provider's active key. */
function lockKey(provider: Provider): [number, number] {
  return [0x5c0ffee, Object.values(Providers).indexOf(provider) + 1];
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function lock(tx: Tx, provider: Provider) {
  const [a, b] = lockKey(provider);
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${a}::int, ${b}::int)`;
}

function newKeyRow(provider: Provider) {
  const kid = randomUUID();
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateJwk = privateKey.export({ format: "jwk" });
  const { kty, crv, x, y } = privateJwk;
  const publicJwk = { kty, crv, x, y, kid, alg: SIGNING_ALG, use: "sig" };
  return {
    id: kid,
    provider,
    alg: SIGNING_ALG,
    publicJwk,
    privateKey: new Uint8Array(seal(JSON.stringify(privateJwk), `signing-key:${kid}`)),
  };
}

function newestActive(client: Tx | PrismaClient, provider: Provider) {
  return client.signingKey.findFirst({
    where: { provider, retiredAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
}

/** The active key's id, creating the provider's first key if it has none. */
async function activeKid(provider: Provider): Promise<string> {
  const found = await newestActive(db(), provider);
  if (found) return found.id;
  return db().$transaction(async (tx) => {
    await lock(tx, provider);
    // Read again under the lock: another instance may have created it meanwhile.
    const again = await newestActive(tx, provider);
    if (again) return again.id;
    const row = newKeyRow(provider);
    await tx.signingKey.create({ data: row, select: { id: true } });
    return row.id;
  });
}

async function loadPrivate(kid: string): Promise<SigningKeyPair> {
  const row = await db().signingKey.findUniqueOrThrow({ where: { id: kid }, select: { privateKey: true } });
  const jwk = JSON.parse(open(row.privateKey, `signing-key:${kid}`)) as JsonWebKey;
  return { kid, privateKey: createPrivateKey({ key: jwk, format: "jwk" }) };
}

async function refreshActive(provider: Provider): Promise<SigningKeyPair> {
  const kid = await activeKid(provider);
  const previous = active.get(provider)?.key;
  const key = previous?.kid === kid ? previous : await loadPrivate(kid);
  active.set(provider, { key, checkedAt: Date.now() });
  return key;
}

/** The key to sign with now. */
export async function activeSigningKey(provider: Provider): Promise<SigningKeyPair> {
  const cached = active.get(provider);
  if (cached && Date.now() - cached.checkedAt < ACTIVE_KEY_RECHECK_MS) return cached.key;
  let pending = loading.get(provider);
  if (!pending) {
    pending = refreshActive(provider).finally(() => loading.delete(provider));
    loading.set(provider, pending);
  }
  return pending;
}

/** The public key named `kid`, if it is one of `provider`'s keys. */
export async function publicKeyFor(provider: Provider, kid: string): Promise<KeyObject | null> {
  if (!UUID.test(kid)) return null;
  const cached = publicKeys.get(kid);
  if (cached) return cached.provider === provider ? cached.key : null;
  const row = await db().signingKey.findFirst({ where: { id: kid, provider }, select: { publicJwk: true } });
  if (!row) return null;
  const key = createPublicKey({ key: row.publicJwk as JsonWebKey, format: "jwk" });
  publicKeys.set(kid, { provider, key });
  return key;
}

/**
 * The JWKS: every key that is active, or retired recently enough that tokens it signed may
 * still be live. Only public halves, newest first. Read from the database on every call.
 */
// What this instance last read, per provider: served only while the database is unavailable
// (docs/decisions/024), so relying parties keep verifying tokens through an outage. Public keys
// only; a rotation still shows at once whenever the database answers.
const lastPublished = new Map<Provider, { keys: JWK[] }>();

export async function publishedKeys(owner: KeyOwner, now = new Date()): Promise<{ keys: JWK[] }> {
  const { provider } = owner;
  try {
    await activeKid(provider);
    const since = new Date(now.getTime() - publishedAfterRetirementMs(owner));
    const rows = await db().signingKey.findMany({
      where: { provider, OR: [{ retiredAt: null }, { retiredAt: { gt: since } }] },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { publicJwk: true },
    });
    const jwks = { keys: rows.map((r) => r.publicJwk as JWK) };
    lastPublished.set(provider, jwks);
    return jwks;
  } catch (error) {
    const last = lastPublished.get(provider);
    if (!last || !isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable();
    return last;
  }
}

export interface Rotation {
  kid: string;
  retired: string[];
  /** Keys (the new one included) the JWKS publishes after the rotation. */
  published: { kid: string; retiredAt: Date | null; publishedUntil: Date | null }[];
}

/**
 * Makes a new key the active one and retires the others. Instances pick it up within
 * ACTIVE_KEY_RECHECK_MS; the retired keys stay published until their tokens have expired.
 */
export async function rotateSigningKey(owner: KeyOwner, prisma: PrismaClient = db(), now = new Date()): Promise<Rotation> {
  const { provider } = owner;
  const row = newKeyRow(provider);
  const retired = await prisma.$transaction(async (tx) => {
    await lock(tx, provider);
    const current = await tx.signingKey.findMany({ where: { provider, retiredAt: null }, select: { id: true } });
    await tx.signingKey.updateMany({ where: { provider, retiredAt: null }, data: { retiredAt: now } });
    await tx.signingKey.create({ data: { ...row, createdAt: now }, select: { id: true } });
    return current.map((k) => k.id);
  });
  active.delete(provider);
  const since = new Date(now.getTime() - publishedAfterRetirementMs(owner));
  const keys = await prisma.signingKey.findMany({
    where: { provider, OR: [{ retiredAt: null }, { retiredAt: { gt: since } }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, retiredAt: true },
  });
  return {
    kid: row.id,
    retired,
    published: keys.map((k) => ({
      kid: k.id,
      retiredAt: k.retiredAt,
      publishedUntil: k.retiredAt ? new Date(k.retiredAt.getTime() + publishedAfterRetirementMs(owner)) : null,
    })),
  };
}
