"use server";

// The Credentials tab's mutations, and the one read that is not metadata: a secret's value.
// Each is built by lib/action.ts: session, zod parse, lib/data (which authorizes inside its
// queries: another partner's app is "not found", a viewer is refused), revalidate. Values never
// reach a log line: only unexpected errors are logged, and no error here carries a value.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { MAX_REDIRECT_URI_LENGTH } from "@/lib/credentials/redirect-uri";
import { PARTNER_INFO_LABELS, partnerInfoInput, secretInput } from "@/lib/credentials/schemas";
import { moveGrantReview } from "@/lib/data/grant-review";
import { updatePartnerInfo } from "@/lib/data/partner-info";
import { addRedirectUri, removeRedirectUri } from "@/lib/data/redirect-uris";
import { addSecret, revealSecret, revokeSecret, rotateSecret } from "@/lib/data/secrets";

const appId = z.uuid({ message: "This app does not exist." });
const appRef = z.object({ appId });
const secretRef = appRef.extend({ secretId: z.uuid({ message: "This secret does not exist." }) });

function revalidateCredentials(id: string) {
  revalidatePath(`/apps/${id}/credentials`);
  revalidatePath(`/apps/${id}/activity`);
}

export const addSecretAction = action({ name: "addSecret", input: secretInput.extend({ appId }) }, async ({ user, input }) => {
  const { id, label } = await addSecret(user, input);
  revalidateCredentials(input.appId);
  return { data: { id }, message: `Added the secret “${label}”. Hold the pointer over it to see its value.` };
});

/** The value of one active secret, for owners, developers and admins. Logged as a reveal. */
export const revealSecretAction = action({ name: "revealSecret", input: secretRef }, async ({ user, input }) => ({
  data: await revealSecret(user, input),
}));

export const revokeSecretAction = action({ name: "revokeSecret", input: secretRef }, async ({ user, input }) => {
  const { label } = await revokeSecret(user, input);
  revalidateCredentials(input.appId);
  return { message: `Revoked the secret “${label}”. It no longer authenticates.` };
});

export const rotateSecretAction = action({ name: "rotateSecret", input: appRef }, async ({ user, input }) => {
  await rotateSecret(user, input);
  revalidateCredentials(input.appId);
  return { message: "Rotated the secret. The previous one no longer authenticates." };
});

// No trimming: what is stored is exactly what lib/credentials/redirect-uri.ts checked.
const redirectUriInput = appRef.extend({
  uri: z
    .string({ message: "Enter a URL." })
    .max(MAX_REDIRECT_URI_LENGTH, `A redirect URL can have at most ${MAX_REDIRECT_URI_LENGTH.toLocaleString("en")} characters.`),
});

export const addRedirectUriAction = action({ name: "addRedirectUri", input: redirectUriInput }, async ({ user, input }) => {
  const { uri } = await addRedirectUri(user, input);
  revalidateCredentials(input.appId);
  return { message: `Added ${uri} to the allowlist.` };
});

export const removeRedirectUriAction = action(
  { name: "removeRedirectUri", input: appRef.extend({ redirectUriId: z.uuid({ message: "This redirect URL does not exist." }) }) },
  async ({ user, input }) => {
    const { uri } = await removeRedirectUri(user, input);
    revalidateCredentials(input.appId);
    return { message: `Deleted ${uri} from the allowlist.` };
  },
);

export const updatePartnerInfoAction = action({ name: "updatePartnerInfo", input: partnerInfoInput.extend({ appId }) }, async ({ user, input }) => {
  const { fields } = await updatePartnerInfo(user, input);
  revalidateCredentials(input.appId);
  return {
    message: fields.length ? `Saved: ${fields.map((f) => PARTNER_INFO_LABELS[f].toLowerCase()).join(", ")}.` : "Nothing changed.",
  };
});

export const resubmitReviewAction = action(
  { name: "resubmitReview", input: appRef.extend({ version: z.number().int().min(0) }) },
  async ({ user, input }) => {
    await moveGrantReview(user, { appId: input.appId, move: "resubmit", expectedVersion: input.version });
    revalidateCredentials(input.appId);
    return { message: "Resubmitted. Indeed reviews the authorization code grant again." };
  },
);
