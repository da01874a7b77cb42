import "server-only";
// The `employer` token parameter, a provider's extension: a token that represents one employer
// of the account it acts for, carried in the `emp` claim. Asked for on every grant, never
// remembered: a refresh without it gives a token that represents no employer.
import { query, statement } from "../db";
import { InvalidGrant, InvalidRequest, InvalidScope } from "./errors";
import type { FormParams } from "./http";
import type { TokenPolicy } from "./policy";

/** Whether the account belongs to the employer; on every token request that names one. */
const EMPLOYER_OF_ACCOUNT = statement<{ member: boolean }>(
  "employer_of_account",
  `SELECT true AS "member" FROM "_EmployerToSandboxAccount" WHERE "A" = $1 AND "B" = $2::uuid`,
);

/** The account a token acts for; `employerIds` when they were read already (client authentication). */
export interface EmployerAccount {
  id: string;
  employerIds?: readonly string[];
}

async function belongsTo(account: EmployerAccount, employerId: string): Promise<boolean> {
  if (account.employerIds) return account.employerIds.includes(employerId);
  return (await query(EMPLOYER_OF_ACCOUNT, [employerId, account.id])).length > 0;
}

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
  account: EmployerAccount | null,
): Promise<string | null> {
  const employer = params.get("employer");
  if (employer === undefined) return null;
  if (!policy.isEmployerId(employer)) throw new InvalidRequest("The employer parameter is not an employer id.");
  if (!scopes.includes(policy.employerScope)) {
    throw new InvalidScope(`A token that represents an employer needs the ${policy.employerScope} scope.`);
  }
  if (!account) throw new InvalidGrant("This app has no registrant account, so it can represent no employer.");
  if (!(await belongsTo(account, employer))) throw new InvalidGrant("The account does not belong to that employer.");
  return employer;
}
