import "server-only";
// Each partner's employerIdType: the `type` of the employer ids its apps send to the Employer
// Data API. Indeed assigns one per partner at onboarding; the emulator derives it from the
// partner's name the first time it is needed and then keeps it, so a rename never orphans the
// employers already created.
import { randomBytes } from "node:crypto";
import { db } from "../db";

/** `Acme Recruiting` → `acme-recruiting`. */
export function employerIdTypeFor(partnerName: string): string {
  const slug = partnerName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "partner";
}

/** The partner's employerIdType, assigning it when it has none yet (at most once, even in a race). */
export async function ensureEmployerIdType(partnerId: string): Promise<string> {
  const prisma = db();
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const partner = await prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true, employerIdType: true } });
    if (partner.employerIdType) return partner.employerIdType;
    const base = employerIdTypeFor(partner.name);
    const candidate = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const taken = await prisma.partner.count({ where: { employerIdType: candidate } });
    if (taken > 0) continue;
    try {
      // Only where it is still unset: a concurrent request that assigned one first wins.
      await prisma.partner.updateMany({ where: { id: partnerId, employerIdType: null }, data: { employerIdType: candidate } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  const partner = await prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { employerIdType: true } });
  if (!partner.employerIdType) throw new Error("Could not assign an employerIdType");
  return partner.employerIdType;
}
