"use server";

// The Credentials tab's mutations, and the one read that is not metadata: a secret's value.
// Each is a public POST endpoint built the same way: session, zod parse, lib/data (which
// authorizes inside its queries: another partner's app is "not found", a viewer is refused),
// revalidate, ActionResult. Values never reach a log line: runAction logs only unexpected
// errors, and no error here carries a value.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import {
  addRedirectUri,
  addSecret,
  moveGrantReview,
  removeRedirectUri,
  revealSecret,
  revokeSecret,
  rotateSecret,
  updatePartnerInfo,
} from "@/lib/data/credentials";
import { PARTNER_INFO_LABELS, partnerInfoInput, secretInput, type PartnerInfoInput, type SecretInput } from "@/lib/credentials/schemas";

const appId = z.uuid({ message: "This app does not exist." });
const secretRef = z.object({ appId, secretId: z.uuid({ message: "This secret does not exist." }) });

function refresh(id: string) {
  revalidatePath(`/apps/${id}/credentials`);
  revalidatePath(`/apps/${id}/activity`);
}

export async function addSecretAction(input: { appId: string } & SecretInput): Promise<ActionResult<{ id: string }>> {
  return runAction("addSecret", async () => {
    const user = await requireUser();
    const data = secretInput.extend({ appId }).parse(input);
    const { id, label } = await addSecret(user, { appId: data.appId, label: data.label, expiresOn: input.expiresOn });
    refresh(data.appId);
    return { data: { id }, message: `Added the secret “${label}”. Hold the pointer over it to see its value.` };
  });
}

/** The value of one active secret, for owners, developers and admins. Logged as a reveal. */
export async function revealSecretAction(input: { appId: string; secretId: string }): Promise<ActionResult<{ value: string }>> {
  return runAction("revealSecret", async () => {
    const user = await requireUser();
    const data = secretRef.parse(input);
    return { data: await revealSecret(user, data) };
  });
}

export async function revokeSecretAction(input: { appId: string; secretId: string }): Promise<ActionResult> {
  return runAction("revokeSecret", async () => {
    const user = await requireUser();
    const data = secretRef.parse(input);
    const { label } = await revokeSecret(user, data);
    refresh(data.appId);
    return { message: `Revoked the secret “${label}”. It no longer authenticates.` };
  });
}

export async function rotateSecretAction(input: { appId: string }): Promise<ActionResult> {
  return runAction("rotateSecret", async () => {
    const user = await requireUser();
    const data = z.object({ appId }).parse(input);
    await rotateSecret(user, data);
    refresh(data.appId);
    return { message: "Rotated the secret. The previous one no longer authenticates." };
  });
}

export async function addRedirectUriAction(input: { appId: string; uri: string }): Promise<ActionResult> {
  return runAction("addRedirectUri", async () => {
    const user = await requireUser();
    // No trimming: what is stored is exactly what was checked (lib/credentials/redirect-uri.ts).
    const data = z.object({ appId, uri: z.string({ message: "Enter a URL." }).max(10_000, "A redirect URL can have at most 2,048 characters.") }).parse(input);
    const { uri } = await addRedirectUri(user, data);
    refresh(data.appId);
    return { message: `Added ${uri} to the allowlist.` };
  });
}

export async function removeRedirectUriAction(input: { appId: string; redirectUriId: string }): Promise<ActionResult> {
  return runAction("removeRedirectUri", async () => {
    const user = await requireUser();
    const data = z.object({ appId, redirectUriId: z.uuid({ message: "This redirect URL does not exist." }) }).parse(input);
    const { uri } = await removeRedirectUri(user, data);
    refresh(data.appId);
    return { message: `Deleted ${uri} from the allowlist.` };
  });
}

export async function updatePartnerInfoAction(input: { appId: string } & PartnerInfoInput): Promise<ActionResult> {
  return runAction("updatePartnerInfo", async () => {
    const user = await requireUser();
    const data = partnerInfoInput.extend({ appId }).parse(input);
    const { fields } = await updatePartnerInfo(user, { ...input, appId: data.appId });
    refresh(data.appId);
    return {
      message: fields.length
        ? `Saved: ${fields.map((f) => PARTNER_INFO_LABELS[f].toLowerCase()).join(", ")}.`
        : "Nothing changed.",
    };
  });
}

export async function resubmitReviewAction(input: { appId: string; version: number }): Promise<ActionResult> {
  return runAction("resubmitReview", async () => {
    const user = await requireUser();
    const data = z.object({ appId, version: z.number().int().min(0) }).parse(input);
    await moveGrantReview(user, { appId: data.appId, move: "resubmit", expectedVersion: data.version });
    refresh(data.appId);
    return { message: "Resubmitted. Indeed reviews the authorization code grant again." };
  });
}
