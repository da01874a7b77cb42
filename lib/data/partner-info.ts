import "server-only";
// An OAuth client's partner information, shown on the emulator's consent screen.
import { db } from "../db";
import { AppError } from "../errors";
import type { PartnerInfo } from "../credentials/schemas";
import { clientForChange, recordActivity } from "./client-access";
import { TX_OPTIONS } from "./shared";
import type { SessionUser } from "./users";

/** The client's partner information columns, as the consent screen and the Credentials tab read them. */
export const PARTNER_INFO_SELECT = { companyName: true, homepageUrl: true, supportEmail: true, privacyPolicyUrl: true } as const;

export async function updatePartnerInfo(user: SessionUser, { appId, ...info }: { appId: string } & PartnerInfo) {
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, appId);
    if (app.credentialType !== "OAUTH2") throw new AppError("CONFLICT", "Partner information belongs to OAuth clients.");
    const before = await tx.client.findUniqueOrThrow({
      where: { id: client.id },
      select: PARTNER_INFO_SELECT,
    });
    const fields = (Object.keys(info) as (keyof PartnerInfo)[]).filter((k) => before[k] !== info[k]);
    if (fields.length === 0) return { fields };
    await tx.client.update({ where: { id: client.id }, data: info, select: { id: true } });
    await recordActivity(tx, app.id, user.id, "partner_info.updated", { fields });
    return { fields };
  }, TX_OPTIONS);
}
