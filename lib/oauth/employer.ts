import "server-only";
// The `employer` token parameter (Indeed): a token that represents one employer of the account
// it acts for, carried in the `emp` claim. Asked for on every grant, never remembered: a
// refresh without it gives a token that represents no employer.
import { db } from "../db";
import { InvalidGrant, InvalidRequest, InvalidScope } from "./errors";
import type { FormParams } from "./http";
import type { TokenPolicy } from "./policy";

/**
 * The employer the request asks the token to represent, checked: the token's scopes must
 * include the employer scope, and the account must belong to that employer.
 * An employer outside the account's is invalid_grant: the authorization (the user's grant, or
 * for client credentials the registrant account the client acts for) does not extend to it.
 */
export async function requestedEmployer(
  policy: TokenPolicy,
  params: FormParams,
  scopes: readonly string[],
  accountId: string | null,
): Promise<string | null> {
  const employer = params.get("employer");
  if (employer === undefined) return null;
  if (!policy.isEmployerId(employer)) throw new InvalidRequest("The employer parameter is not an employer id.");
  if (!scopes.includes(policy.employerScope)) {
    throw new InvalidScope(`A token that represents an employer needs the ${policy.employerScope} scope.`);
  }
  if (!accountId) throw new InvalidGrant("This app has no registrant account, so it can represent no employer.");
  const found = await db().employer.count({ where: { id: employer, accounts: { some: { id: accountId } } } });
  if (found === 0) throw new InvalidGrant("The account does not belong to that employer.");
  return employer;
}
