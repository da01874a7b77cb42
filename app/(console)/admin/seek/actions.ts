"use server";

// The admins' SEEK mutations: live-credential decisions, the self-service switch, emulator
// settings, sandbox hirers and relationships. Each is built by lib/action.ts with the
// `platform:administer` permission; lib/data checks it again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import type { SessionUser } from "@/lib/data/users";
import { formAll, formText } from "@/lib/form-data";
import { decideLiveRequest, liveDecisionInput, seekSettingsInput, setLiveSelfService, updateSeekSettings } from "@/lib/data/seek-admin";
import { createSeekHirer, relationshipInput, seekHirerInput, setSeekRelationship } from "@/lib/data/seek-hirers";

const PERMISSION = "platform:administer" as const;

/**
 * An admin SEEK form's action: the permission, the work, then the admin pages refreshed. The
 * work says what happened.
 */
function seekAdminAction<S extends z.ZodType>(
  options: { name: string; input: S; read: (formData: FormData) => unknown },
  work: (user: SessionUser, input: z.output<S>) => Promise<string>,
) {
  return formAction({ ...options, permission: PERMISSION }, async ({ user, input }) => {
    const message = await work(user, input);
    revalidatePath("/admin/seek");
    revalidatePath("/admin/seek/hirers");
    return { message };
  });
}

export const decideLiveRequestAction = seekAdminAction(
  {
    name: "decideLiveRequest",
    input: liveDecisionInput,
    read: (formData) => ({
      requestId: formText(formData, "requestId"),
      decision: formText(formData, "decision") === "APPROVE" ? "APPROVE" : "REFUSE",
      reason: formText(formData, "reason"),
    }),
  },
  async (user, input) => {
    const result = await decideLiveRequest(user, input);
    return result.status === "APPROVED"
      ? `Approved ${result.partner} for live credentials (${result.app}).`
      : `Refused live credentials for ${result.partner} (${result.app}).`;
  },
);

export const setLiveSelfServiceAction = seekAdminAction(
  {
    name: "setLiveSelfService",
    input: z.object({ partnerId: z.uuid({ message: "This partner does not exist." }), enabled: z.boolean() }),
    read: (formData) => ({ partnerId: formText(formData, "partnerId"), enabled: formText(formData, "enabled") === "true" }),
  },
  async (user, input) => {
    await setLiveSelfService(user, input);
    return input.enabled ? "Live self-service is on." : "Live self-service is off.";
  },
);

export const updateSeekSettingsAction = seekAdminAction(
  {
    name: "updateSeekSettings",
    input: seekSettingsInput,
    read: (formData) => ({ partnerTokenExpiresIn: formText(formData, "partnerTokenExpiresIn").trim() || undefined }),
  },
  async (user, input) => {
    await updateSeekSettings(user, input);
    return `New partner tokens expire after ${input.partnerTokenExpiresIn} seconds.`;
  },
);

export const createSeekHirerAction = seekAdminAction(
  {
    name: "createSeekHirer",
    input: seekHirerInput,
    read: (formData) => ({
      // No trimming of the id: SEEK trims nothing, so what is stored is exactly what was typed.
      id: formText(formData, "id"),
      name: formText(formData, "name"),
      seekAnzAdvertiserId: formText(formData, "seekAnzAdvertiserId").trim(),
      testPartnerId: formText(formData, "testPartnerId"),
    }),
  },
  async (user, input) => `Added the hirer ${(await createSeekHirer(user, input)).name}.`,
);

export const setSeekRelationshipAction = seekAdminAction(
  {
    name: "setSeekRelationship",
    input: relationshipInput,
    read: (formData) => ({ partnerId: formText(formData, "partnerId"), hirerId: formText(formData, "hirerId"), types: formAll(formData, "types") }),
  },
  async (user, input) => ((await setSeekRelationship(user, input)).changed ? "Saved the relationship." : "Nothing changed."),
);
