// The demo world's part for Indeed's simulated GraphQL APIs (decision 021): each demo partner's
// employerIdType, fixed so the README's examples hold, and a client-credentials grant for
// "Acme Talent Pipeline-prod", whose Job Sync API is still Provisioning in progress, so that a
// tester right after `npm start` can see the API refuse it (AceRecruitersApp-dev is accepted).
import type { PrismaClient } from "../lib/generated/prisma/client";

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export const DEMO_EMPLOYER_ID_TYPES = { "Acme Recruiting": "acme-recruiting", "Globex Talent": "globex-talent" } as const;

/** The demo app whose Job Sync API the simulated API refuses (Provisioning in progress). */
export const DEMO_REFUSED_APP = "Acme Talent Pipeline-prod";

export async function seedDemoGraphql(tx: Tx): Promise<void> {
  for (const [name, employerIdType] of Object.entries(DEMO_EMPLOYER_ID_TYPES)) {
    await tx.partner.update({ where: { name }, data: { employerIdType } });
  }
  const app = await tx.app.findFirstOrThrow({ where: { name: DEMO_REFUSED_APP }, select: { client: { select: { id: true, grantTypes: true } } } });
  if (app.client && !app.client.grantTypes.includes("CLIENT_CREDENTIALS")) {
    await tx.client.update({ where: { id: app.client.id }, data: { grantTypes: { set: [...app.client.grantTypes, "CLIENT_CREDENTIALS"] } } });
  }
}
