// Scopes: the one parser of a `scope` parameter and the one ordering, both driven by the
// provider's policy (its table of scopes, in display order).
// @see RFC 6749 §3.3: space-delimited, case-sensitive strings of %x21 / %x23-5B / %x5D-7E.
import { InvalidScope } from "./errors";
import type { TokenPolicy } from "./policy";

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const MAX_SCOPE_LENGTH = 1024;

type ScopeTable = Pick<TokenPolicy, "scopes">;

/** Scopes in the provider's order, without duplicates; unknown ones last, alphabetically. */
export function orderScopes<T extends string>(policy: ScopeTable, scopes: Iterable<T>): T[] {
  const rank = (s: string) => {
    const i = policy.scopes.indexOf(s);
    return i === -1 ? policy.scopes.length : i;
  };
  return [...new Set(scopes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface ScopeRules {
  /** The scopes this request may name (default: every scope of the provider). */
  allowed?: readonly string[];
  /** Scopes accepted and dropped (standard OIDC clients send `openid`). */
  ignore?: readonly string[];
}

/**
 * The scopes a `scope` parameter names, in the provider's order. Malformed, unknown and not
 * allowed scopes are invalid_scope (RFC 6749 §4.1.2.1 at the authorization endpoint, §5.2 at
 * the token endpoint: "invalid, unknown, malformed").
 */
export function parseScope(policy: ScopeTable, value: string | undefined, { allowed = policy.scopes, ignore = [] }: ScopeRules = {}): string[] {
  if (value === undefined) return [];
  const names = value.split(" ").filter((s) => s !== "" && !ignore.includes(s));
  if (value.length > MAX_SCOPE_LENGTH || names.some((s) => !SCOPE_TOKEN.test(s))) {
    throw new InvalidScope("The scope parameter contains characters a scope cannot have.");
  }
  const unknown = names.filter((s) => !policy.scopes.includes(s));
  if (unknown.length > 0) throw new InvalidScope(`Unknown scope: ${unknown.join(" ")}.`);
  const refused = names.filter((s) => !allowed.includes(s));
  if (refused.length > 0) throw new InvalidScope(`Scope not available to this grant: ${refused.join(" ")}.`);
  return orderScopes(policy, names);
}
