import "server-only";
// Refresh tokens: opaque, stored as a hash, rotated on every use. The tokens that descend from
// one authorization code form a family; replaying a rotated token, or the code itself, revokes
// the family, and the code too (so the access tokens naming it in `sid` stop working).
// @see RFC 6749 §10.4, RFC 9700 §4.14.2
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { newOpaqueToken, tokenHash } from "../crypto/random";
import type { PrismaClient } from "../generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface NewRefreshToken {
  clientId: string;
  accountId: string;
  grantId: string;
  codeId: string;
  scopes: string[];
  /** The family's first token's id; a new family when absent. */
  familyId?: string;
}

/** Stores a new refresh token valid for `ttlS` seconds from `now`; returns its value. */
export async function createRefreshToken(tx: Tx, token: NewRefreshToken, ttlS: number, now: Date): Promise<string> {
  const value = newOpaqueToken();
  const id = randomUUID();
  await tx.refreshToken.create({
    data: {
      id,
      tokenHash: tokenHash(value),
      familyId: token.familyId ?? id,
      clientId: token.clientId,
      accountId: token.accountId,
      grantId: token.grantId,
      codeId: token.codeId,
      scopes: token.scopes,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlS * 1000),
    },
    select: { id: true },
  });
  return value;
}


/**
 * Revokes an authorization code and every refresh token descending from it.
 * @see RFC 6749 §4.1.2 (a code used more than once: revoke the tokens issued from it)
 */
export async function revokeCode(codeId: string, now = new Date()): Promise<void> {
  await db().$transaction([
    db().authorizationCode.updateMany({ where: { id: codeId, revokedAt: null }, data: { revokedAt: now } }),
    db().refreshToken.updateMany({ where: { codeId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
}

/** Revokes a whole family (a rotated token was replayed), and the code it came from. */
export async function revokeFamily(familyId: string, codeId: string | null, now = new Date()): Promise<void> {
  await db().$transaction([
    db().refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } }),
    ...(codeId ? [db().authorizationCode.updateMany({ where: { id: codeId, revokedAt: null }, data: { revokedAt: now } })] : []),
  ]);
}
