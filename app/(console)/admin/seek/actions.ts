"use server";

// The admins' SEEK mutations: live-credential decisions, the self-service switch, emulator
// settings, sandbox hirers and relationships. Each is a public POST endpoint: session, form
// parse, lib/data (which checks `platform:administer` itself), revalidate, ActionResult.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { formAll, formText } from "@/lib/form-data";
import { decideLiveRequest, setLiveSelfService, updateSeekSettings } from "@/lib/data/seek-admin";
import { createSeekHirer, setSeekRelationship } from "@/lib/data/seek-hirers";

function refreshAdmin() {
  revalidatePath("/admin/seek");
  revalidatePath("/admin/seek/hirers");
}

export async function decideLiveRequestAction(formData: FormData): Promise<ActionResult> {
  return runAction("decideLiveRequest", async () => {
    const user = await requireUser();
    const decision = formText(formData, "decision");
    const result = await decideLiveRequest(user, {
      requestId: formText(formData, "requestId"),
      decision: decision === "APPROVE" ? "APPROVE" : "REFUSE",
      reason: formText(formData, "reason"),
    });
    refreshAdmin();
    return {
      message:
        result.status === "APPROVED"
          ? `Approved ${result.partner} for live credentials (${result.app}).`
          : `Refused live credentials for ${result.partner} (${result.app}).`,
    };
  });
}

export async function setLiveSelfServiceAction(formData: FormData): Promise<ActionResult> {
  return runAction("setLiveSelfService", async () => {
    const user = await requireUser();
    const enabled = formText(formData, "enabled") === "true";
    await setLiveSelfService(user, { partnerId: formText(formData, "partnerId"), enabled });
    refreshAdmin();
    return { message: enabled ? "Live self-service is on." : "Live self-service is off." };
  });
}

export async function updateSeekSettingsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("updateSeekSettings", async () => {
    const user = await requireUser();
    const saved = await updateSeekSettings(user, { partnerTokenExpiresIn: formText(formData, "partnerTokenExpiresIn") });
    refreshAdmin();
    return { message: `New partner tokens expire after ${saved.partnerTokenExpiresIn} seconds.` };
  });
}

export async function createSeekHirerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("createSeekHirer", async () => {
    const user = await requireUser();
    const hirer = await createSeekHirer(user, {
      // No trimming of the id: SEEK trims nothing, so what is stored is exactly what was typed.
      id: formText(formData, "id"),
      name: formText(formData, "name"),
      seekAnzAdvertiserId: formText(formData, "seekAnzAdvertiserId").trim(),
      testPartnerId: formText(formData, "testPartnerId"),
    });
    refreshAdmin();
    return { message: `Added the hirer ${hirer.name}.` };
  });
}

export async function setSeekRelationshipAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("setSeekRelationship", async () => {
    const user = await requireUser();
    const { changed } = await setSeekRelationship(user, {
      partnerId: formText(formData, "partnerId"),
      hirerId: formText(formData, "hirerId"),
      types: formAll(formData, "types"),
    });
    refreshAdmin();
    return { message: changed ? "Saved the relationship." : "Nothing changed." };
  });
}
