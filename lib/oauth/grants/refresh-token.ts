import "server-only";
// The refresh token grant. Every refresh rotates the token (public and confidential clients
// alike: one rule) and the new one lives the full refresh lifetime from now; a replayed rotated
// token revokes its family. The grant must still stand (revoking an app deletes it, and its
// tokens with it), and the code the family descends from must not have been revoked.
// @see RFC 6749 §6, RFC 9700 §4.14.2
import { db } from "../../db";
import { tokenHash } from "../../crypto/random";
import type { AuthenticatedClient } from "../client-auth";
import { requestedEmployer } from "../employer";
import { InvalidGrant, InvalidScope } from "../errors";
import type { FormParams } from "../http";
import type { TokenPolicy } from "../policy";
import { createRefreshToken, revokeFamily } from "../refresh-tokens";
import { assertReviewAllows } from "../review";
import { orderScopes, parseScope } from "../scope";
import { userIssuance, type UserIssuance } from "./types";

const MAX_TOKEN_LENGTH = 512;

export async function refreshTokenGrant(
  policy: TokenPolicy,
  client: AuthenticatedClient,
  params: FormParams,
  now = new Date(),
): Promise<UserIssuance> {
  const presented = params.require("refresh_token");
  const row =
    presented.length > MAX_TOKEN_LENGTH
      ? null
      : await db().refreshToken.findUnique({
          where: { tokenHash: tokenHash(presented) },
          select: {
            id: true,
            familyId: true,
            clientId: true,
            grantId: true,
            codeId: true,
            scopes: true,
            expiresAt: true,
            rotatedAt: true,
            revokedAt: true,
            account: { select: { id: true, subject: true, partnerId: true } },
            grant: { select: { scopes: true } },
            code: { select: { revokedAt: true } },
          },
        });
  if (!row) throw new InvalidGrant("The refresh token is invalid.");
  if (row.clientId !== client.id) throw new InvalidGrant("The refresh token was issued to another client.");
  if (row.revokedAt || !row.code || row.code.revokedAt) throw new InvalidGrant("The refresh token has been revoked.");
  if (row.rotatedAt) {
    await revokeFamily(row.familyId, row.codeId, now);
    throw new InvalidGrant("The refresh token has already been used: its whole family is now revoked.");
  }
  if (row.expiresAt <= now) throw new InvalidGrant("The refresh token has expired.");
  assertReviewAllows(client, row.account.partnerId);

  // @see RFC 6749 §6: the scope may narrow what the refresh token carries, never widen it.
  const granted = orderScopes(policy, row.scopes);
  const asked = params.get("scope");
  const scopes = asked === undefined ? granted : parseScope(policy, asked);
  const beyond = scopes.filter((s) => !granted.includes(s));
  if (beyond.length > 0) throw new InvalidScope(`The refresh token does not carry the scope: ${beyond.join(" ")}.`);
  const employerId = await requestedEmployer(policy, params, scopes, row.account);

  const codeId = row.codeId!;
  const refreshToken = await db().$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({
      where: { id: row.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now },
    });
    if (count !== 1) return null;
    // @see RFC 6749 §6: the new refresh token carries the scope of the one it replaces.
    return createRefreshToken(
      tx,
      { clientId: client.id, accountId: row.account.id, grantId: row.grantId, codeId, scopes: row.scopes, familyId: row.familyId },
      policy.refreshTokenTtlS,
      now,
    );
  });
  if (refreshToken === null) {
    await revokeFamily(row.familyId, row.codeId, now);
    throw new InvalidGrant("The refresh token has already been used: its whole family is now revoked.");
  }

  return userIssuance(policy, client, row, { scopes, employerId, sid: codeId, nonce: null, refreshToken });
}
