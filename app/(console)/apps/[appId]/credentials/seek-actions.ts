"use server";

// A SEEK app's Credentials tab mutations and its one non-metadata read (a secret's value).
// Each is a public POST endpoint built the same way: session, zod parse, lib/data (which
// authorizes inside its queries: another partner's app is "not found", a viewer is refused),
// revalidate, ActionResult.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
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
const secretRef = z.object({ appId, secretId: z.uuid({ message: "This secret does not exist." }) });

function refresh(id: string) {
  revalidatePath(`/apps/${id}/credentials`);
  revalidatePath(`/apps/${id}/activity`);
}

export async function issueSeekCredentialAction(input: { appId: string; environment: string }): Promise<ActionResult> {
  return runAction("issueSeekCredential", async () => {
    const user = await requireUser();
    const data = z.object({ appId, environment }).parse(input);
    await issueSeekCredential(user, data);
    refresh(data.appId);
    return { message: `Issued ${SEEK_ENVIRONMENT_LABELS[data.environment]} credentials. Hold the pointer over the secret to see it.` };
  });
}

export async function rotateSeekSecretAction(input: { appId: string; environment: string; overlap: string }): Promise<ActionResult> {
  return runAction("rotateSeekSecret", async () => {
    const user = await requireUser();
    const data = z
      .object({ appId, environment, overlap: z.enum(SEEK_ROTATION_OVERLAPS, { message: "Choose how long the previous secret keeps working." }) })
      .parse(input);
    const { previousUntil } = await rotateSeekSecret(user, data);
    refresh(data.appId);
    return {
      message: previousUntil
        ? `Rotated the secret. The previous one keeps working until ${formatDateTime(previousUntil)}.`
        : "Rotated the secret. The previous one no longer authenticates.",
    };
  });
}

export async function revokeSeekSecretAction(input: { appId: string; secretId: string }): Promise<ActionResult> {
  return runAction("revokeSeekSecret", async () => {
    const user = await requireUser();
    const data = secretRef.parse(input);
    await revokeSeekSecret(user, data);
    refresh(data.appId);
    return { message: "Revoked the secret. It no longer authenticates." };
  });
}

/** The value of one active secret, for owners, developers and admins. Logged as a reveal. */
export async function revealSeekSecretAction(input: { appId: string; secretId: string }): Promise<ActionResult<{ value: string }>> {
  return runAction("revealSeekSecret", async () => {
    const user = await requireUser();
    const data = secretRef.parse(input);
    return { data: await revealSeekSecret(user, data) };
  });
}

export async function expireSeekTokensAction(input: { appId: string; environment: string }): Promise<ActionResult> {
  return runAction("expireSeekTokens", async () => {
    const user = await requireUser();
    const data = z.object({ appId, environment }).parse(input);
    await expireSeekTokens(user, data);
    refresh(data.appId);
    return {
      message: `Every ${SEEK_ENVIRONMENT_LABELS[data.environment]} token issued until now is refused. Your software should get a new token and retry once.`,
    };
  });
}

export async function requestLiveCredentialsAction(input: { appId: string; note: string }): Promise<ActionResult> {
  return runAction("requestLiveCredentials", async () => {
    const user = await requireUser();
    const data = z
      .object({ appId, note: z.string().max(LIVE_REQUEST_NOTE_MAX_LENGTH, `Write at most ${LIVE_REQUEST_NOTE_MAX_LENGTH} characters.`) })
      .parse(input);
    await requestLiveCredentials(user, data);
    refresh(data.appId);
    return { message: "Sent your request to the admins. Their answer appears here." };
  });
}
