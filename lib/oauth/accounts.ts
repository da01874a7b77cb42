import "server-only";
// What tokens and resource endpoints say about sandbox accounts: their identity claims and
// employers, and whether a 3-legged access token's authorization still stands.
import { db } from "../db";
import { compareNames } from "../sort";

export interface Employer {
  id: string;
  name: string;
}

export interface AccountProfile {
  subject: string;
  email: string;
  employers: Employer[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const profileSelect = {
  subject: true,
  email: true,
  employers: { select: { id: true, name: true } },
} as const;

function sortEmployers(employers: Employer[]): Employer[] {
  return [...employers].sort((a, b) => compareNames(a.name, b.name));
}

export async function accountProfile(accountId: string): Promise<AccountProfile | null> {
  const account = await db().sandboxAccount.findUnique({ where: { id: accountId }, select: profileSelect });
  return account && { ...account, employers: sortEmployers(account.employers) };
}

/**
 * The account a 3-legged access token acts for, if its authorization still stands: the code it
 * descends from (`sid`) exists — revoking the app deletes the grant and its codes — and was not
 * revoked (a replayed code or refresh token), and it names this client and subject.
 */
export async function liveSessionAccount(sid: string, clientId: string, subject: string): Promise<AccountProfile | null> {
  if (!UUID.test(sid)) return null;
  const code = await db().authorizationCode.findUnique({
    where: { id: sid },
    select: { revokedAt: true, consumedAt: true, client: { select: { clientId: true } }, account: { select: profileSelect } },
  });
  if (!code || code.revokedAt || !code.consumedAt) return null;
  if (code.client.clientId !== clientId || code.account.subject !== subject) return null;
  return { ...code.account, employers: sortEmployers(code.account.employers) };
}

/**
 * The employers of the account that registered the client's partner's apps, or null when the
 * client no longer exists. A partner without a registrant has none.
 */
export async function clientRegistrantEmployers(clientId: string): Promise<Employer[] | null> {
  if (clientId.length > 512) return null;
  const client = await db().client.findUnique({
    where: { clientId },
    select: { app: { select: { partner: { select: { registrant: { select: { employers: { select: { id: true, name: true } } } } } } } } },
  });
  if (!client) return null;
  return sortEmployers(client.app.partner.registrant?.employers ?? []);
}
