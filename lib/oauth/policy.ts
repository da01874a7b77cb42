// What a provider decides about its tokens; the grants (lib/oauth/grants) apply it, and its
// scope table drives the one scope parser and ordering (lib/oauth/scope.ts).
import type { Provider } from "../generated/prisma/enums";

export interface TokenPolicy {
  provider: Provider;
  /** Path prefix of the issuer under the app's public origin, e.g. "/acme". */
  issuerPath: string;
  accessTokenTtlS: number;
  idTokenTtlS: number;
  /** Refresh tokens live this long from their issue, and each refresh issues a fresh one. */
  refreshTokenTtlS: number;
  /** Every scope the provider knows, in display order. */
  scopes: readonly string[];
  /** Scopes a client credentials (2-legged) token may carry. */
  appScopes: readonly string[];
  /** The scope that makes refresh tokens. */
  offlineScope: string;
  /** The scope a token needs to represent an employer. */
  employerScope: string;
  /** Whether `value` is shaped like one of the provider's employer ids. */
  isEmployerId(value: string): boolean;
}
