"use server";

// The admins' SEEK mutations: live-credential decisions, the self-service switch, emulator
// settings, sandbox hirers and relationships. Each is built by lib/action.ts with the
// `platform:administer` permission; lib/data checks it again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { formAll, formText } from "@/lib/form-data";
import { decideLiveRequest, liveDecisionInput, seekSettingsInput, setLiveSelfService, updateSeekSettings } from "@/lib/data/seek-admin";
import { createSeekHirer, relationshipInput, seekHirerInput, setSeekRelationship } from "@/lib/data/seek-hirers";

const PERMISSION = "platform:administer" as const;

function refreshAdmin() {
  revalidatePath("/admin/seek");
  revalidatePath("/admin/seek/hirers");
}

export const decideLiveRequestAction = formAction(
  {
    name: "decideLiveRequest",
    permission: PERMISSION,
    input: liveDecisionInput,
    read: (formData) => ({
      requestId: formText(formData, "requestId"),
      decision: formText(formData, "decision") === "APPROVE" ? "APPROVE" : "REFUSE",
      reason: formText(formData, "reason"),
    }),
  },
  async ({ user, input }) => {
    const result = await decideLiveRequest(user, input);
    refreshAdmin();
    return {
      message:
        result.status === "APPROVED"
          ? `Approved ${result.partner} for live credentials (${result.app}).`
          : `Refused live credentials for ${result.partner} (${result.app}).`,
    };
  },
);

export const setLiveSelfServiceAction = formAction(
  {
    name: "setLiveSelfService",
    permission: PERMISSION,
    input: z.object({ partnerId: z.uuid({ message: "This partner does not exist." }), enabled: z.boolean() }),
    read: (formData) => ({ partnerId: formText(formData, "partnerId"), enabled: formText(formData, "enabled") === "true" }),
  },
  async ({ user, input }) => {
    await setLiveSelfService(user, input);
    refreshAdmin();
    return { message: input.enabled ? "Live self-service is on." : "Live self-service is off." };
  },
);

export const updateSeekSettingsAction = formAction(
  {
    name: "updateSeekSettings",
    permission: PERMISSION,
    input: seekSettingsInput,
    read: (formData) => ({ partnerTokenExpiresIn: formText(formData, "partnerTokenExpiresIn").trim() || undefined }),
  },
  async ({ user, input }) => {
    await updateSeekSettings(user, input);
    refreshAdmin();
    return { message: `New partner tokens expire after ${input.partnerTokenExpiresIn} seconds.` };
  },
);

export const createSeekHirerAction = formAction(
  {
    name: "createSeekHirer",
    permission: PERMISSION,
    input: seekHirerInput,
    read: (formData) => ({
      // No trimming of the id: SEEK trims nothing, so what is stored is exactly what was typed.
      id: formText(formData, "id"),
      name: formText(formData, "name"),
      seekAnzAdvertiserId: formText(formData, "seekAnzAdvertiserId").trim(),
      testPartnerId: formText(formData, "testPartnerId"),
    }),
  },
  async ({ user, input }) => {
    const hirer = await createSeekHirer(user, input);
    refreshAdmin();
    return { message: `Added the hirer ${hirer.name}.` };
  },
);

export const setSeekRelationshipAction = formAction(
  {
    name: "setSeekRelationship",
    permission: PERMISSION,
    input: relationshipInput,
    read: (formData) => ({ partnerId: formText(formData, "partnerId"), hirerId: formText(formData, "hirerId"), types: formAll(formData, "types") }),
  },
  async ({ user, input }) => {
    const { changed } = await setSeekRelationship(user, input);
    refreshAdmin();
    return { message: changed ? "Saved the relationship." : "Nothing changed." };
  },
);
