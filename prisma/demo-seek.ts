// The SEEK part of the demo world: sandbox hirers in both environments, Acme Recruiting's SEEK
// app with Playground and Live credentials (approved for live self-service) and relationships
// with several hirers, and Globex Talent's SEEK app with Playground credentials only.
import { newClientId } from "../lib/crypto/random";
import { newSeekSecretRow } from "../lib/credentials/secret-row";
import { SEEK_ENVIRONMENT_LABELS } from "../lib/credentials/seek";
import { sortKey } from "../lib/sort";
import type { Prisma } from "../lib/generated/prisma/client";
import type { SeekEnvironment, SeekRelationshipType } from "../lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;
const DAY = 24 * 60 * 60 * 1000;

/** SEEK's documented Playground hirer. SEEK does not publish its name; this one is ours. */
export const PLAYGROUND_HIRER_ID = "seekAnzPublicTest:organization:seek:93WyyF1h";

export const DEMO_SEEK_HIRERS: {
  id: string;
  name: string;
  seekAnzAdvertiserId: number | null;
  testPartner?: string;
}[] = [
  { id: PLAYGROUND_HIRER_ID, name: "Playground Hirer (SEEK public test)", seekAnzAdvertiserId: 47_321_001 },
  { id: "seekAnzPublicTest:organization:seek:Bq2fT8xL", name: "Harbour Health Group", seekAnzAdvertiserId: 47_321_002 },
  { id: "seekAnzPublicTest:organization:seek:Cw7mN3pR", name: "Coastal Construction", seekAnzAdvertiserId: null },
  { id: "seekAnzPublicTest:organization:seek:Dk9vH2sJ", name: "Outback Mining Co", seekAnzAdvertiserId: 47_321_004 },
  { id: "seekAnz:organization:seek:Kp4Zr7Wq", name: "Southern Cross Logistics", seekAnzAdvertiserId: 58_100_001 },
  { id: "seekAnz:organization:seek:AcmeTest1", name: "Acme Recruiting Test Hirer", seekAnzAdvertiserId: 58_100_002, testPartner: "Acme Recruiting" },
];

export const DEMO_SEEK_APPS: {
  partner: string;
  name: string;
  description: string;
  environments: SeekEnvironment[];
  liveSelfService: boolean;
  relationships: [hirerId: string, types: SeekRelationshipType[]][];
}[] = [
  {
    partner: "Acme Recruiting",
    name: "AcmeATS-seek",
    description: "Acme's ATS posting jobs to SEEK and exporting applications.",
    environments: ["PLAYGROUND", "LIVE"],
    liveSelfService: true,
    relationships: [
      [PLAYGROUND_HIRER_ID, ["ApplicationExport", "ApplicationPrefill", "JobPosting", "ProactiveSourcing"]],
      ["seekAnzPublicTest:organization:seek:Bq2fT8xL", ["JobPosting"]],
      ["seekAnzPublicTest:organization:seek:Cw7mN3pR", ["ApplicationExport", "CandidateProfiles"]],
      ["seekAnz:organization:seek:Kp4Zr7Wq", ["JobPosting", "ApplicationExport"]],
      ["seekAnz:organization:seek:AcmeTest1", ["ApplicationExport", "ApplicationPrefill", "JobPosting", "ProactiveSourcing"]],
    ],
  },
  {
    partner: "Globex Talent",
    name: "Globex-seek",
    description: "Globex's SEEK integration, still in the Playground.",
    environments: ["PLAYGROUND"],
    liveSelfService: false,
    relationships: [
      [PLAYGROUND_HIRER_ID, ["JobPosting"]],
      ["seekAnzPublicTest:organization:seek:Dk9vH2sJ", ["JobPosting", "ApplicationExport"]],
    ],
  },
];

export async function seedDemoSeek(
  tx: Tx,
  world: { partners: Map<string, string>; ownerOf: Map<string, string>; adminId: string; now: Date },
) {
  const { partners, ownerOf, adminId, now } = world;
  const created = new Date(now.getTime() - 30 * DAY);
  await tx.seekHirer.createMany({
    data: DEMO_SEEK_HIRERS.map((h) => ({
      id: h.id,
      name: h.name,
      sortName: sortKey(h.name),
      seekAnzAdvertiserId: h.seekAnzAdvertiserId,
      environment: h.id.startsWith("seekAnzPublicTest:") ? "PLAYGROUND" : "LIVE",
      testPartnerId: h.testPartner ? partners.get(h.testPartner)! : null,
      createdAt: created,
    })),
  });
  const names = new Map(DEMO_SEEK_HIRERS.map((h) => [h.id, h.name]));

  for (const demo of DEMO_SEEK_APPS) {
    const partnerId = partners.get(demo.partner)!;
    const ownerId = ownerOf.get(partnerId)!;
    if (demo.liveSelfService) {
      await tx.partner.update({ where: { id: partnerId }, data: { seekLiveSelfService: true, seekLiveSelfServiceChangedAt: created } });
    }
    const app = await tx.app.create({
      data: {
        partnerId,
        name: demo.name,
        sortName: sortKey(demo.name),
        description: demo.description,
        provider: "SEEK",
        credentialType: "OAUTH2",
        createdAt: created,
      },
      select: { id: true },
    });
    const activity: Prisma.ActivityEventCreateManyInput[] = [];
    if (demo.liveSelfService) {
      activity.push({ appId: app.id, actorId: adminId, type: "seek.self_service.changed", detail: { enabled: true }, createdAt: created });
    }
    for (const [i, environment] of demo.environments.entries()) {
      const issuedAt = new Date(created.getTime() + (i + 1) * DAY);
      const credential = await tx.seekCredential.create({
        data: { appId: app.id, environment, clientId: newClientId(), createdById: ownerId, createdAt: issuedAt },
        select: { id: true },
      });
      await tx.seekClientSecret.create({ data: newSeekSecretRow({ credentialId: credential.id, createdById: ownerId, createdAt: issuedAt }).data });
      activity.push({
        appId: app.id,
        actorId: ownerId,
        type: "seek.credential.issued",
        detail: { environment: SEEK_ENVIRONMENT_LABELS[environment] },
        createdAt: issuedAt,
      });
    }
    for (const [j, [hirerId, types]] of demo.relationships.entries()) {
      const at = new Date(created.getTime() + (3 + j) * 60 * 60 * 1000);
      await tx.seekHirerRelationship.create({ data: { partnerId, hirerId, types, createdAt: at } });
      await tx.seekHirerRelationshipChange.create({ data: { partnerId, hirerId, fromTypes: [], toTypes: types, actorId: adminId, createdAt: at } });
      const environment: SeekEnvironment = hirerId.startsWith("seekAnzPublicTest:") ? "PLAYGROUND" : "LIVE";
      activity.push({
        appId: app.id,
        actorId: adminId,
        type: "seek.relationship.changed",
        detail: { hirer: `${names.get(hirerId)} (${SEEK_ENVIRONMENT_LABELS[environment]})`, fromTypes: [], toTypes: types },
        createdAt: at,
      });
    }
    await tx.activityEvent.createMany({ data: activity });
  }
}
