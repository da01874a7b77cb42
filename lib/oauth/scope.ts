// The `scope` request parameter.
// @see RFC 6749 §3.3: space-delimited, case-sensitive strings of %x21 / %x23-5B / %x5D-7E.
import { InvalidRequest, InvalidScope } from "./errors";
import { orderScopes, type TokenPolicy } from "./policy";

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** The scopes a parameter names; each must be in `allowed` (else invalid_scope). */
export function parseScope(policy: TokenPolicy, value: string | undefined, allowed: readonly string[]): string[] {
  if (value === undefined) return [];
  const names = value.split(" ").filter((s) => s !== "");
  if (value.length > 1024 || names.some((s) => !SCOPE_TOKEN.test(s))) {
    throw new InvalidRequest("The scope parameter is malformed.");
  }
  const unknown = names.filter((s) => !policy.scopes.includes(s));
  if (unknown.length > 0) throw new InvalidScope(`Unknown scope: ${unknown.join(" ")}.`);
  const refused = names.filter((s) => !allowed.includes(s));
  if (refused.length > 0) throw new InvalidScope(`Scope not available to this grant: ${refused.join(" ")}.`);
  return orderScopes(policy, names);
}
