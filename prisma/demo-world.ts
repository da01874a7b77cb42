// The demo world a newcomer sees on the embedded database: an admin, two partners with owners,
// developers and viewers, apps whose services sit in every provisioning status, and a history
// row for every status they passed through. Every password is DEMO_PASSWORD.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { newClientId, newClientSecret } from "../lib/crypto/random";
import { seal, verifierOf } from "../lib/crypto/secret-box";
import { secretSealContext } from "../lib/credentials/secrets";
import type { ActivityDetail, ActivityType } from "../lib/activity/types";
import { sortKey } from "../lib/sort";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { GrantReviewStatus, GrantType, ProvisioningStatus } from "../lib/generated/prisma/enums";
import { seedDemoSandbox } from "./demo-sandbox";
import { seedDemoSeek } from "./demo-seek";

export const DEMO_PASSWORD = "partner-console-demo";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN", partner: null },
  { email: "owner@acme.example", name: "Olivia Owner", role: "OWNER", partner: "Acme Recruiting" },
  { email: "dev@acme.example", name: "Dev Patel", role: "DEVELOPER", partner: "Acme Recruiting" },
  { email: "viewer@acme.example", name: "Victor Viewer", role: "VIEWER", partner: "Acme Recruiting" },
  { email: "owner@globex.example", name: "Grace Globex", role: "OWNER", partner: "Globex Talent" },
  { email: "dev@globex.example", name: "Hank Scorpio", role: "DEVELOPER", partner: "Globex Talent" },
] as const;

/** The Indeed services of seed 000, with its review rules and descriptions. */
export const INDEED_SERVICES = [
  {
    slug: "job-sync-api",
    name: "Job Sync API",
    reviewRequired: true,
    description:
      "Submit, update, and expire job postings. Indeed provisions the Employer Data API with the Job Sync API. The Job Sync API is not available for apps that use certain other services.",
    documentationUrl: "https://docs.indeed.com/job-sync-api/",
  },
  {
    slug: "disposition-sync-api",
    name: "Disposition Sync API",
    reviewRequired: true,
    description:
      "Send job application disposition data to Indeed. Requires the same OAuth client as the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/disposition-sync-api/",
  },
  {
    slug: "employer-data-api",
    name: "Employer Data API",
    reviewRequired: false,
    description:
      "Create and update employer entities. Indeed provisions the Employer Data API with the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/employer-data-api/",
  },
  {
    slug: "xml-job-feed",
    name: "XML Job Feed",
    reviewRequired: false,
    description:
      "Send job postings to Indeed in an XML feed that Indeed fetches on a schedule. Apps that use it cannot use the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/xml-feed/",
  },
] as const;

/** The catalog's rules (lib/provisioning/rules.ts), by slug. */
export const INDEED_SERVICE_RULES = {
  bundles: [["job-sync-api", "employer-data-api"]],
  requires: [["disposition-sync-api", "job-sync-api"]],
  conflictsWith: [["job-sync-api", "xml-job-feed"]],
} as const;

type Slug = (typeof INDEED_SERVICES)[number]["slug"];

/** The statuses a service passes through to reach `status`, from being added. */
export function pathTo(status: ProvisioningStatus, reviewRequired: boolean): ProvisioningStatus[] {
  const review: ProvisioningStatus[] = ["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", "REVIEW_IN_PROGRESS"];
  switch (status) {
    case "PROVISIONING_IN_PROGRESS":
      return ["PROVISIONING_IN_PROGRESS"];
    case "NONE":
      return ["PROVISIONING_IN_PROGRESS", "NONE"];
    case "PENDING_REVIEW":
      return review.slice(0, 2);
    case "REVIEW_IN_PROGRESS":
      return review;
    case "APPROVED":
    case "REJECTED":
      if (!reviewRequired) throw new Error(`${status} needs a service that requires review`);
      return [...review, status];
  }
}

/** A demo secret: its label, its age in days, and whether it was revoked or has expired. */
interface DemoSecret {
  label: string;
  daysAgo: number;
  state?: "revoked" | "expired";
}

/** An app's credentials in the demo world. Secret values are generated at seed time, sealed, never printed. */
export interface DemoCredentials {
  isPublic?: boolean;
  grantTypes: GrantType[];
  review?: { status: GrantReviewStatus; daysAgo: number; reason?: string };
  redirectUris?: string[];
  partnerInfo?: { companyName: string; homepageUrl: string; supportEmail: string; privacyPolicyUrl: string };
  secrets: DemoSecret[];
}

const ACME_INFO = {
  companyName: "Acme Recruiting",
  homepageUrl: "https://acme.example",
  supportEmail: "support@acme.example",
  privacyPolicyUrl: "https://acme.example/privacy",
};

export const REVIEW_REJECTION_NOTE =
  "The privacy policy link does not open a privacy policy. Link your published policy and resubmit.";

export const DEMO_APPS: {
  partner: string;
  name: string;
  description: string;
  credentialType: "OAUTH2" | "INDEED_APPLY";
  /** Services with their status, and how many days ago the last change happened. */
  services: [Slug, ProvisioningStatus, number][];
  credentials: DemoCredentials;
}[] = [
  {
    partner: "Acme Recruiting",
    name: "AceRecruitersApp-dev",
    description: "Test version of the Ace Recruiters ATS integration.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "APPROVED", 20],
      ["employer-data-api", "NONE", 24],
      ["disposition-sync-api", "REVIEW_IN_PROGRESS", 2],
    ],
    credentials: {
      grantTypes: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
      review: { status: "APPROVED", daysAgo: 40 },
      redirectUris: ["http://localhost:8976/callback"],
      partnerInfo: ACME_INFO,
      secrets: [
        { label: "Local development", daysAgo: 45 },
        { label: "CI pipeline", daysAgo: 12 },
      ],
    },
  },
  {
    partner: "Acme Recruiting",
    name: "AceRecruitersApp-prod",
    description: "Production version of the Ace Recruiters ATS integration.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "PENDING_REVIEW", 5],
      ["employer-data-api", "NONE", 9],
    ],
    credentials: {
      grantTypes: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
      review: { status: "IN_REVIEW", daysAgo: 3 },
      redirectUris: ["https://app.acerecruiters.example/oauth/callback"],
      partnerInfo: ACME_INFO,
      secrets: [
        { label: "Production servers", daysAgo: 30 },
        { label: "Launch rehearsal", daysAgo: 50, state: "expired" },
      ],
    },
  },
  {
    partner: "Acme Recruiting",
    name: "acme-analytics-dev",
    description: "Reporting pipeline that syncs dispositions from the Acme ATS.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "REJECTED", 1],
      ["employer-data-api", "NONE", 12],
    ],
    credentials: {
      grantTypes: ["CLIENT_CREDENTIALS"],
      secrets: [
        { label: "Analytics worker", daysAgo: 20 },
        { label: "Old laptop", daysAgo: 55, state: "revoked" },
      ],
    },
  },
  {
    partner: "Acme Recruiting",
    name: "Acme Talent Pipeline-prod",
    description: "Job feed for Acme's enterprise customers.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "PROVISIONING_IN_PROGRESS", 0],
      ["employer-data-api", "PROVISIONING_IN_PROGRESS", 0],
    ],
    credentials: {
      grantTypes: ["AUTHORIZATION_CODE"],
      review: { status: "REJECTED", daysAgo: 2, reason: REVIEW_REJECTION_NOTE },
      redirectUris: ["https://pipeline.acme.example/oauth/indeed"],
      partnerInfo: { ...ACME_INFO, privacyPolicyUrl: "https://acme.example/404" },
      secrets: [{ label: "Pipeline service", daysAgo: 10 }],
    },
  },
  {
    partner: "Acme Recruiting",
    name: "acme-apply-widget-dev",
    description: "Indeed Apply button on Acme's career sites.",
    credentialType: "INDEED_APPLY",
    services: [],
    credentials: { grantTypes: [], secrets: [{ label: "API secret", daysAgo: 60 }] },
  },
  {
    partner: "Globex Talent",
    name: "GlobexCareers-dev",
    description: "Globex's new career-site integration, not connected to any Indeed service yet.",
    credentialType: "OAUTH2",
    services: [],
    credentials: {
      isPublic: true,
      grantTypes: ["AUTHORIZATION_CODE"],
      review: { status: "IN_REVIEW", daysAgo: 6 },
      redirectUris: ["http://127.0.0.1:5173/callback"],
      secrets: [],
    },
  },
  {
    partner: "Globex Talent",
    name: "GlobexHire-dev",
    description: "Test version of the Globex hiring suite.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "REVIEW_IN_PROGRESS", 3],
      ["employer-data-api", "NONE", 7],
      ["disposition-sync-api", "REJECTED", 4],
    ],
    credentials: { grantTypes: ["CLIENT_CREDENTIALS"], secrets: [{ label: "Staging", daysAgo: 25 }] },
  },
  {
    partner: "Globex Talent",
    name: "GlobexHire-prod",
    description: "Production version of the Globex hiring suite.",
    credentialType: "OAUTH2",
    services: [
      ["job-sync-api", "APPROVED", 30],
      ["employer-data-api", "NONE", 31],
      ["disposition-sync-api", "APPROVED", 15],
    ],
    credentials: {
      grantTypes: ["CLIENT_CREDENTIALS"],
      secrets: [
        { label: "Primary", daysAgo: 58 },
        { label: "Failover", daysAgo: 14 },
      ],
    },
  },
];

const REJECTION_NOTE = "Job postings are missing the required salary information. Please fix and resubmit.";
const DAY = 24 * 60 * 60 * 1000;

/** True when the demo world (or anything else) is already there: the seed never mixes. */
export async function hasUsers(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) > 0;
}

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The Indeed catalog and its rules; services that already exist are left as they are. */
export async function seedServiceCatalog(prisma: Tx) {
  const ids = new Map<string, string>();
  for (const service of INDEED_SERVICES) {
    const row = await prisma.service.upsert({
      where: { slug: service.slug },
      update: {},
      create: { ...service, provider: "INDEED" },
      select: { id: true, reviewRequired: true },
    });
    ids.set(service.slug, row.id);
  }
  for (const [relation, pairs] of Object.entries(INDEED_SERVICE_RULES) as [keyof typeof INDEED_SERVICE_RULES, readonly (readonly [string, string])[]][]) {
    for (const [from, to] of pairs) {
      await prisma.service.update({
        where: { id: ids.get(from)! },
        data: { [relation]: { connect: { id: ids.get(to)! } } },
      });
    }
  }
  return ids;
}

export async function seedDemoWorld(prisma: PrismaClient, now = new Date()) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const partners = new Map<string, string>();
    for (const name of ["Acme Recruiting", "Globex Talent"]) {
      const partner = await tx.partner.create({ data: { name, sortName: sortKey(name) }, select: { id: true } });
      partners.set(name, partner.id);
    }
    let adminId = "";
    for (const user of DEMO_USERS) {
      const created = await tx.user.create({
        data: {
          email: user.email,
          name: user.name,
          role: user.role,
          partnerId: user.partner ? partners.get(user.partner)! : null,
          passwordHash,
        },
        select: { id: true },
      });
      if (user.role === "ADMIN") adminId = created.id;
    }
    const ids = await seedServiceCatalog(tx);
    const services = new Map<string, { id: string; reviewRequired: boolean }>(
      INDEED_SERVICES.map((s) => [s.slug, { id: ids.get(s.slug)!, reviewRequired: s.reviewRequired }]),
    );
    const ownerOf = new Map<string, string>();
    for (const u of await tx.user.findMany({ where: { role: "OWNER" }, select: { id: true, partnerId: true } })) {
      ownerOf.set(u.partnerId!, u.id);
    }
    for (const app of DEMO_APPS) {
      const partnerId = partners.get(app.partner)!;
      const created = await tx.app.create({
        data: {
          partnerId,
          name: app.name,
          sortName: sortKey(app.name),
          description: app.description,
          provider: "INDEED",
          credentialType: app.credentialType,
          createdAt: new Date(now.getTime() - 60 * DAY),
        },
        select: { id: true },
      });
      for (const [slug, status, daysAgo] of app.services) {
        const service = services.get(slug)!;
        const steps = pathTo(status, service.reviewRequired);
        const last = new Date(now.getTime() - daysAgo * DAY - 60_000);
        // One step per day before the last change; who made each move follows the lifecycle.
        const history = steps.map((to, i) => ({
          appId: created.id,
          serviceId: service.id,
          fromStatus: i === 0 ? null : steps[i - 1]!,
          toStatus: to,
          actorId: to === "REVIEW_IN_PROGRESS" || i === 0 ? ownerOf.get(partnerId)! : adminId,
          note: to === "REJECTED" ? REJECTION_NOTE : i === 0 ? "Requested during onboarding." : null,
          createdAt: new Date(last.getTime() - (steps.length - 1 - i) * DAY),
        }));
        await tx.appService.create({
          data: {
            appId: created.id,
            serviceId: service.id,
            status,
            statusChangedAt: last,
            version: steps.length - 1,
            createdAt: history[0]!.createdAt,
          },
        });
        await tx.serviceStatusChange.createMany({ data: history });
      }
      await seedDemoCredentials(tx, {
        appId: created.id,
        credentials: app.credentials,
        ownerId: ownerOf.get(partnerId)!,
        adminId,
        now,
      });
    }
    await seedDemoSandbox(tx, passwordHash);
    await seedDemoSeek(tx, { partners, ownerOf, adminId, now });
    // A few hundred statements: Prisma's default 5 s would fail on a busy machine.
  }, { timeout: 120_000, maxWait: 30_000 });
}

/** An app's client, its secrets, redirect URLs and review, with the activity rows they imply. */
async function seedDemoCredentials(
  tx: Tx,
  { appId, credentials: c, ownerId, adminId, now }: { appId: string; credentials: DemoCredentials; ownerId: string; adminId: string; now: Date },
) {
  const ago = (days: number, minutes = 0) => new Date(now.getTime() - days * DAY - minutes * 60_000);
  const createdAt = ago(60);
  const events: { type: ActivityType; actorId: string | null; detail?: ActivityDetail; createdAt: Date }[] = [
    { type: "client.created", actorId: adminId, createdAt },
  ];
  const client = await tx.client.create({
    data: {
      appId,
      clientId: newClientId(),
      isPublic: c.isPublic ?? false,
      grantTypes: c.grantTypes,
      reviewStatus: c.review?.status ?? null,
      reviewReason: c.review?.reason ?? null,
      reviewVersion: c.review && c.review.status !== "IN_REVIEW" ? 1 : 0,
      reviewChangedAt: c.review ? ago(c.review.daysAgo) : null,
      ...c.partnerInfo,
      createdAt,
    },
    select: { id: true },
  });
  if (c.review) {
    events.push({ type: "review.requested", actorId: adminId, createdAt });
    if (c.review.status !== "IN_REVIEW") {
      events.push({
        type: c.review.status === "APPROVED" ? "review.approved" : "review.rejected",
        actorId: adminId,
        detail: c.review.reason ? { reason: c.review.reason } : {},
        createdAt: ago(c.review.daysAgo),
      });
    }
  }
  if (c.partnerInfo) {
    events.push({ type: "partner_info.updated", actorId: ownerId, detail: { fields: Object.keys(c.partnerInfo) }, createdAt: ago(59) });
  }
  for (const uri of c.redirectUris ?? []) {
    await tx.redirectUri.create({ data: { clientId: client.id, uri, createdById: ownerId, createdAt: ago(59, 1) } });
    events.push({ type: "redirect_uri.added", actorId: ownerId, detail: { uri }, createdAt: ago(59, 1) });
  }
  for (const secret of c.secrets) {
    const id = randomUUID();
    const value = newClientSecret();
    const created = ago(secret.daysAgo);
    const revokedAt = secret.state === "revoked" ? ago(secret.daysAgo - 30) : null;
    await tx.clientSecret.create({
      data: {
        id,
        clientId: client.id,
        label: secret.label,
        // A revoked secret's sealed value is destroyed, as lib/data/credentials.ts does.
        ciphertext: new Uint8Array(revokedAt ? Buffer.alloc(0) : seal(value, secretSealContext(id))),
        verifier: new Uint8Array(verifierOf(value)),
        createdAt: created,
        createdById: ownerId,
        expiresAt: secret.state === "expired" ? ago(3) : null,
        revokedAt,
        revokedById: revokedAt ? ownerId : null,
        lastUsedAt: secret.state ? null : ago(Math.min(secret.daysAgo, 1), 90),
      },
    });
    events.push({ type: "secret.added", actorId: ownerId, detail: { label: secret.label }, createdAt: created });
    if (revokedAt) events.push({ type: "secret.revoked", actorId: ownerId, detail: { label: secret.label }, createdAt: revokedAt });
  }
  await tx.activityEvent.createMany({
    data: events.map((e) => ({ appId, actorId: e.actorId, type: e.type, detail: e.detail ?? {}, createdAt: e.createdAt })),
  });
}
