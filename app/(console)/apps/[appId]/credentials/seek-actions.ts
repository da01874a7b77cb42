"use server";

// A SEEK app's Credentials tab mutations and its one non-metadata read (a secret's value).
// Each is built by lib/action.ts: session, zod parse, lib/data (which authorizes inside its
// queries: another partner's app is "not found", a viewer is refused), revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { formatDateTime } from "@/components/date-time";
import { SEEK_ENVIRONMENT_LABELS, SEEK_ROTATION_OVERLAPS } from "@/lib/credentials/seek";
import {
  LIVE_REQUEST_NOTE_MAX_LENGTH,
  expireSeekTokens,
  issueSeekCredential,
  requestLiveCredentials,
  revealSeekSecret,
  revokeSeekSecret,
  rotateSeekSecret,
} from "@/lib/data/seek-credentials";

const appId = z.uuid({ message: "This app does not exist." });
const environment = z.enum(["PLAYGROUND", "LIVE"], { message: "Choose Playground or Live." });
const environmentRef = z.object({ appId, environment });
const secretRef = z.object({ appId, secretId: z.uuid({ message: "This secret does not exist." }) });
const rotateInput = environmentRef.extend({
  overlap: z.enum(SEEK_ROTATION_OVERLAPS, { message: "Choose how long the previous secret keeps working." }),
});
const liveRequestInput = z.object({
  appId,
  note: z.string().trim().max(LIVE_REQUEST_NOTE_MAX_LENGTH, `Write at most ${LIVE_REQUEST_NOTE_MAX_LENGTH} characters.`),
});

function refresh(id: string) {
  revalidatePath(`/apps/${id}/credentials`);
  revalidatePath(`/apps/${id}/activity`);
}

export const issueSeekCredentialAction = action({ name: "issueSeekCredential", input: environmentRef }, async ({ user, input }) => {
  await issueSeekCredential(user, input);
  refresh(input.appId);
  return { message: `Issued ${SEEK_ENVIRONMENT_LABELS[input.environment]} credentials. Hold the pointer over the secret to see it.` };
});

export const rotateSeekSecretAction = action({ name: "rotateSeekSecret", input: rotateInput }, async ({ user, input }) => {
  const { previousUntil } = await rotateSeekSecret(user, input);
  refresh(input.appId);
  return {
    message: previousUntil
      ? `Rotated the secret. The previous one keeps working until ${formatDateTime(previousUntil)}.`
      : "Rotated the secret. The previous one no longer authenticates.",
  };
});

export const revokeSeekSecretAction = action({ name: "revokeSeekSecret", input: secretRef }, async ({ user, input }) => {
  await revokeSeekSecret(user, input);
  refresh(input.appId);
  return { message: "Revoked the secret. It no longer authenticates." };
});

/** The value of one active secret, for owners, developers and admins. Logged as a reveal. */
export const revealSeekSecretAction = action({ name: "revealSeekSecret", input: secretRef }, async ({ user, input }) => ({
  data: await revealSeekSecret(user, input),
}));

export const expireSeekTokensAction = action({ name: "expireSeekTokens", input: environmentRef }, async ({ user, input }) => {
  await expireSeekTokens(user, input);
  refresh(input.appId);
  return {
    message: `Every ${SEEK_ENVIRONMENT_LABELS[input.environment]} token issued until now is refused. Your software should get a new token and retry once.`,
  };
});

export const requestLiveCredentialsAction = action({ name: "requestLiveCredentials", input: liveRequestInput }, async ({ user, input }) => {
  await requestLiveCredentials(user, input);
  refresh(input.appId);
  return { message: "Sent your request to the admins. Their answer appears here." };
});
