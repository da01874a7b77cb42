import "server-only";
// The one read of an Indeed Apply token's secret value outside the Credentials tab's reveal:
// the testing tool signs with it. Callers have already authorized the user for the app; the
// value stays on the server (docs/decisions/007-credential-storage.md).
import { db } from "../db";
import { AppError } from "../errors";
import { CredentialsKeyError, open } from "../crypto/secret-box";
import { activeSecretWhere, secretSealContext } from "../credentials/secrets";

/** The app's active Indeed Apply secret: its row id and value. */
export async function indeedApplySecret(appId: string, now = new Date()): Promise<{ id: string; value: string }> {
  const secret = await db().clientSecret.findFirst({
    where: { client: { appId, app: { credentialType: "INDEED_APPLY" } }, ...activeSecretWhere(now) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, ciphertext: true },
  });
  if (!secret) throw new AppError("CONFLICT", "This app’s API token has no active secret. Rotate it on the Credentials tab first.");
  try {
    return { id: secret.id, value: open(secret.ciphertext, secretSealContext(secret.id)) };
  } catch (error) {
    if (error instanceof CredentialsKeyError) throw new AppError("MISCONFIGURED", error.message);
    throw new AppError("MISCONFIGURED", "This secret cannot be decrypted: the stored value was altered.");
  }
}
