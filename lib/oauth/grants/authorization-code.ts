import "server-only";
// The authorization code grant: a code the authorization endpoint issued (lib/providers/*
// authorize flow writes AuthorizationCode rows) exchanged for tokens, exactly once.
// @see RFC 6749 §4.1.3, RFC 7636 §4.6
import { db } from "../../db";
import { tokenHash } from "../../crypto/random";
import type { AuthenticatedClient } from "../client-auth";
import { requestedEmployer } from "../employer";
import { InvalidGrant } from "../errors";
import type { FormParams } from "../http";
import { assertVerifierSyntax, verifyPkce } from "../pkce";
import type { TokenPolicy } from "../policy";
import { createRefreshToken, revokeCode } from "../refresh-tokens";
import { assertReviewAllows } from "../review";
import { orderScopes } from "../scope";
import { userIssuance, type UserIssuance } from "./types";

const MAX_CODE_LENGTH = 512;

export async function authorizationCodeGrant(
  policy: TokenPolicy,
  client: AuthenticatedClient,
  params: FormParams,
  now = new Date(),
): Promise<UserIssuance> {
  const code = params.require("code");
  const redirectUri = params.get("redirect_uri");
  const verifier = params.get("code_verifier");
  assertVerifierSyntax(verifier);

  const row =
    code.length > MAX_CODE_LENGTH
      ? null
      : await db().authorizationCode.findUnique({
          where: { codeHash: tokenHash(code) },
          select: {
            id: true,
            clientId: true,
            grantId: true,
            redirectUri: true,
            scopes: true,
            nonce: true,
            codeChallenge: true,
            expiresAt: true,
            consumedAt: true,
            revokedAt: true,
            account: { select: { id: true, subject: true, partnerId: true } },
            grant: { select: { scopes: true } },
          },
        });
  if (!row) throw new InvalidGrant("The authorization code is invalid.");
  // Another client's code is refused without touching it: only its own client may burn it.
  if (row.clientId !== client.id) throw new InvalidGrant("The authorization code was issued to another client.");
  // @see RFC 6749 §4.1.2: a code presented twice revokes every token issued from it.
  if (row.consumedAt || row.revokedAt) {
    await revokeCode(row.id, now);
    throw new InvalidGrant("The authorization code has already been used.");
  }
  if (row.expiresAt <= now) throw new InvalidGrant("The authorization code has expired.");
  // @see RFC 6749 §4.1.3: redirect_uri identical to the authorization request's.
  if (redirectUri !== row.redirectUri) {
    throw new InvalidGrant("The redirect_uri does not match the one of the authorization request.");
  }
  verifyPkce(row.codeChallenge, verifier, { required: client.isPublic });
  assertReviewAllows(client, row.account.partnerId);
  const scopes = orderScopes(policy, row.scopes);
  const employerId = await requestedEmployer(policy, params, scopes, row.account);

  // Consumed atomically before anything is issued: of concurrent redemptions exactly one
  // matches the row; the others find it consumed and revoke what the winner got.
  const refreshToken = await db().$transaction(async (tx) => {
    const { count } = await tx.authorizationCode.updateMany({
      where: { id: row.id, consumedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    if (count !== 1) return undefined;
    if (!scopes.includes(policy.offlineScope)) return null;
    return createRefreshToken(
      tx,
      { clientId: client.id, accountId: row.account.id, grantId: row.grantId, codeId: row.id, scopes },
      policy.refreshTokenTtlS,
      now,
    );
  });
  if (refreshToken === undefined) {
    await revokeCode(row.id, now);
    throw new InvalidGrant("The authorization code has already been used.");
  }

  return userIssuance(policy, client, row, { scopes, employerId, sid: row.id, nonce: row.nonce, refreshToken });
}
