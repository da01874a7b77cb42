import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useCredentialsKeyForTesting } from "./credentials-key";
import { CredentialsKeyError, matchesVerifier, open, seal, verifierOf } from "./secret-box";
import { newClientId, newClientSecret, newOpaqueToken, randomHex, tokenHash } from "./random";

describe("secret box", () => {
  beforeEach(() => useCredentialsKeyForTesting(randomBytes(32)));
  afterEach(() => useCredentialsKeyForTesting(undefined));

  it("opens what it sealed, for the same context only", () => {
    const sealed = seal("s3cret-value", "client-1");
    expect(sealed.includes(Buffer.from("s3cret-value"))).toBe(false);
    expect(open(sealed, "client-1")).toBe("s3cret-value");
    expect(() => open(sealed, "client-2")).toThrow();
  });

  it("seals the same value differently every time (fresh IV)", () => {
    expect(seal("x", "c").equals(seal("x", "c"))).toBe(false);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = seal("value", "c");
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 20) ^ 1, sealed.length - 20);
    expect(() => open(sealed, "c")).toThrow();
  });

  it("says so when the key changed", () => {
    const sealed = seal("value", "c");
    useCredentialsKeyForTesting(randomBytes(32));
    expect(() => open(sealed, "c")).toThrow(CredentialsKeyError);
    expect(() => open(Buffer.from([9, 9, 9]), "c")).toThrow(CredentialsKeyError);
  });

  it("verifies values against their keyed hash", () => {
    const verifier = verifierOf("abc");
    expect(matchesVerifier("abc", verifier)).toBe(true);
    expect(matchesVerifier("abd", verifier)).toBe(false);
    expect(matchesVerifier("abc", verifier.subarray(0, 10))).toBe(false);
    useCredentialsKeyForTesting(randomBytes(32));
    expect(matchesVerifier("abc", verifier)).toBe(false);
  });
});

describe("random values", () => {
  it("have Indeed's shapes and never repeat", () => {
    expect(newClientId()).toMatch(/^[a-z0-9]{64}$/);
    expect(newClientSecret()).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(newOpaqueToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(Array.from({ length: 200 }, newClientSecret)).size).toBe(200);
    expect(Buffer.from(tokenHash("a")).equals(Buffer.from(tokenHash("a")))).toBe(true);
  });
});
