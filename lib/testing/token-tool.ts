// What the token tool's integration tests share: fresh keys (credentials key, signing keys), a
// partner with an owner and a viewer, another partner's owner, and the keys forgotten again.
import { randomBytes } from "node:crypto";
import { useCredentialsKeyForTesting } from "../crypto/credentials-key";
import { forgetSigningKeysForTesting } from "../oauth/signing-keys";
import type { testRows } from "./database";

export async function tokenToolPeople(rows: ReturnType<typeof testRows>) {
  useCredentialsKeyForTesting(randomBytes(32));
  forgetSigningKeysForTesting();
  const acme = await rows.partner();
  const globex = await rows.partner();
  return {
    acme,
    owner: await rows.user("OWNER", acme),
    viewer: await rows.user("VIEWER", acme),
    globexOwner: await rows.user("OWNER", globex),
  };
}

export function forgetTokenToolKeys(): void {
  useCredentialsKeyForTesting(undefined);
  forgetSigningKeysForTesting();
}
