// Indeed's signing keys as lib/oauth/signing-keys.ts sees them. No "server-only" marker: the
// operator CLI (keys:rotate) imports it too.
import type { KeyOwner } from "../../oauth/signing-keys";

/** Indeed's access and ID tokens live one hour (its documentation; lib/providers/indeed/policy.ts). */
export const INDEED_TOKEN_TTL_S = 3600;

export const INDEED_KEYS: KeyOwner = { provider: "INDEED", longestTokenLifetimeS: INDEED_TOKEN_TTL_S };
