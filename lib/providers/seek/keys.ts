// SEEK's signing keys as lib/oauth/signing-keys.ts sees them: its longest-lived token is a
// partner token at the longest lifetime the admins may set (browser tokens live an hour).
import { MAX_PARTNER_TOKEN_EXPIRES_IN } from "../../credentials/seek";
import type { KeyOwner } from "../../oauth/signing-keys";

export const SEEK_KEYS: KeyOwner = { provider: "SEEK", longestTokenLifetimeS: MAX_PARTNER_TOKEN_EXPIRES_IN };
