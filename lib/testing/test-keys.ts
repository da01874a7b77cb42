// Fresh keys for one test file: a random credentials key and signing keys made anew, both
// forgotten after the file so that no other file inherits them.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { useCredentialsKeyForTesting } from "../crypto/credentials-key";
import { forgetSigningKeysForTesting } from "../oauth/signing-keys";

export function useTestKeys(): void {
  beforeAll(() => {
    useCredentialsKeyForTesting(randomBytes(32));
    forgetSigningKeysForTesting();
  });
  afterAll(() => {
    useCredentialsKeyForTesting(undefined);
    forgetSigningKeysForTesting();
  });
}
