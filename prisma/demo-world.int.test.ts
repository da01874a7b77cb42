import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ProvisioningStatus } from "../lib/generated/prisma/enums";
import { verifyCredentials } from "../lib/data/users";
import { openDatabase } from "../lib/db";
import { useTestDatabase } from "../lib/testing/database";
import { useCredentialsKeyForTesting } from "../lib/crypto/credentials-key";
import { matchesVerifier, open } from "../lib/crypto/secret-box";
import { activeSecretWhere, secretSealContext } from "../lib/credentials/secrets";
import { validateRedirectUri } from "../lib/credentials/redirect-uri";
import { applyMigrations } from "./migrate";
import { DEMO_PASSWORD, DEMO_USERS, hasUsers, INDEED_SERVICES, seedDemoWorld } from "./demo-world";

const t = useTestDatabase();
let emptyBefore: boolean;

afterAll(() => useCredentialsKeyForTesting(undefined));

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  emptyBefore = !(await hasUsers(t.prisma));
  // seedDemoWorld runs all its queries in one interactive transaction under Prisma's default
  // 5 s timeout, which a busy machine exceeds (reported). Seed through a client that waits longer.
  const seeder = new PrismaClient({ adapter: t.database.adapter, transactionOptions: { timeout: 120_000, maxWait: 60_000 } });
  try {
    await seedDemoWorld(seeder);
  } finally {
    await seeder.$disconnect();
  }
});

describe("the demo world", () => {
  it("has exactly the documented accounts, with their roles and partners", async () => {
    const users = await t.prisma.user.findMany({
      select: { email: true, name: true, role: true, partner: { select: { name: true } } },
      orderBy: { email: "asc" },
    });
    const documented = DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role, partner: u.partner }));
    expect(users.map((u) => ({ email: u.email, name: u.name, role: u.role, partner: u.partner?.name ?? null }))).toEqual(
      [...documented].sort((a, b) => (a.email < b.email ? -1 : 1)),
    );
  });

  it("lets every documented account sign in with DEMO_PASSWORD", async () => {
    for (const user of DEMO_USERS) {
      expect(await verifyCredentials(user.email, DEMO_PASSWORD), user.email).not.toBeNull();
    }
    expect(await verifyCredentials(DEMO_USERS[0].email, `${DEMO_PASSWORD}x`)).toBeNull();
  });

  it("has the Indeed service catalog", async () => {
    const services = await t.prisma.service.findMany({ select: { slug: true, name: true, reviewRequired: true } });
    expect(services.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
      INDEED_SERVICES.map(({ slug, name, reviewRequired }) => ({ slug, name, reviewRequired })).sort((a, b) =>
        a.slug.localeCompare(b.slug),
      ),
    );
  });

  it("has services in all six provisioning statuses", async () => {
    const statuses = await t.prisma.appService.findMany({ distinct: ["status"], select: { status: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(Object.values(ProvisioningStatus).sort());
    expect(Object.values(ProvisioningStatus)).toHaveLength(6);
  });

  it("gives every app service a consistent history that ends in its status", async () => {
    const appServices = await t.prisma.appService.findMany({
      select: { appId: true, serviceId: true, status: true, statusChangedAt: true, version: true, service: { select: { reviewRequired: true } } },
    });
    expect(appServices.length).toBeGreaterThan(0);
    for (const as of appServices) {
      const history = await t.prisma.serviceStatusChange.findMany({
        where: { appId: as.appId, serviceId: as.serviceId },
        orderBy: { createdAt: "asc" },
        select: { fromStatus: true, toStatus: true, createdAt: true, actorId: true },
      });
      const label = `${as.appId}/${as.serviceId}`;
      expect(history.length, label).toBeGreaterThan(0);
      expect(history.at(-1)!.toStatus, label).toBe(as.status);
      expect(history.at(-1)!.createdAt.getTime(), label).toBe(as.statusChangedAt.getTime());
      expect(history[0]!.fromStatus, label).toBeNull();
      for (let i = 1; i < history.length; i++) expect(history[i]!.fromStatus, label).toBe(history[i - 1]!.toStatus);
      expect(as.version, label).toBe(history.length - 1);
      expect(history.every((h) => h.actorId !== null), label).toBe(true);
      if (as.status === "APPROVED" || as.status === "REJECTED") expect(as.service.reviewRequired, label).toBe(true);
    }
  });
});

describe("the demo world's credentials", () => {
  const clientOf = (name: string) =>
    t.prisma.client.findFirstOrThrow({
      where: { app: { name } },
      select: {
        id: true,
        clientId: true,
        isPublic: true,
        grantTypes: true,
        reviewStatus: true,
        reviewReason: true,
        companyName: true,
        homepageUrl: true,
        supportEmail: true,
        privacyPolicyUrl: true,
        redirectUris: { select: { uri: true } },
        secrets: { select: { id: true, ciphertext: true, verifier: true, revokedAt: true, expiresAt: true } },
      },
    });

  it("gives every Indeed app a client with a long random id", async () => {
    const apps = await t.prisma.app.findMany({ where: { provider: "INDEED" }, select: { name: true, client: { select: { clientId: true } } } });
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) expect(app.client?.clientId, app.name).toMatch(/^[a-z0-9]{64}$/);
  });

  it("sets AceRecruitersApp-dev up for both flows, approved, with the documented redirect URL and partner information", async () => {
    const client = await clientOf("AceRecruitersApp-dev");
    expect(client.isPublic).toBe(false);
    expect([...client.grantTypes].sort()).toEqual(["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"]);
    expect(client.reviewStatus).toBe("APPROVED");
    expect(client.redirectUris.map((r) => r.uri)).toEqual(["http://localhost:8976/callback"]);
    expect(client).toMatchObject({
      companyName: "Acme Recruiting",
      homepageUrl: "https://acme.example",
      supportEmail: "support@acme.example",
      privacyPolicyUrl: "https://acme.example/privacy",
    });
    expect(await t.prisma.clientSecret.count({ where: { clientId: client.id, ...activeSecretWhere() } })).toBeGreaterThan(0);
  });

  it("shows the other states: in review, rejected with a reason, a public client, revoked and expired secrets", async () => {
    expect((await clientOf("AceRecruitersApp-prod")).reviewStatus).toBe("IN_REVIEW");
    const rejected = await clientOf("Acme Talent Pipeline-prod");
    expect(rejected.reviewStatus).toBe("REJECTED");
    expect(rejected.reviewReason).toMatch(/privacy policy/);
    const publicClient = await clientOf("GlobexCareers-dev");
    expect(publicClient.isPublic).toBe(true);
    expect(publicClient.grantTypes).not.toContain("CLIENT_CREDENTIALS");
    expect(publicClient.secrets).toEqual([]);
    expect(await t.prisma.clientSecret.count({ where: { revokedAt: { not: null } } })).toBeGreaterThan(0);
    expect(await t.prisma.clientSecret.count({ where: { revokedAt: null, expiresAt: { lte: new Date() } } })).toBeGreaterThan(0);
  });

  it("gives the Indeed Apply app a token with exactly one active secret and no grant types", async () => {
    const client = await clientOf("acme-apply-widget-dev");
    expect(client.grantTypes).toEqual([]);
    expect(client.reviewStatus).toBeNull();
    expect(client.secrets.filter((s) => !s.revokedAt && !s.expiresAt)).toHaveLength(1);
  });

  it("stores every secret sealed to its row, matching its verifier, and every redirect URL as the rules accept it", async () => {
    const secrets = await t.prisma.clientSecret.findMany({ select: { id: true, ciphertext: true, verifier: true, revokedAt: true } });
    for (const s of secrets) {
      if (s.revokedAt) {
        expect(s.ciphertext.length, s.id).toBe(0);
        continue;
      }
      const value = open(s.ciphertext, secretSealContext(s.id));
      expect(value).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(matchesVerifier(value, s.verifier)).toBe(true);
    }
    for (const r of await t.prisma.redirectUri.findMany({ select: { uri: true } })) {
      expect(validateRedirectUri(r.uri), r.uri).toEqual({ ok: true, uri: r.uri });
    }
  });

  it("logs how the credentials came to be", async () => {
    const types = await t.prisma.activityEvent.findMany({ distinct: ["type"], select: { type: true } });
    expect(types.map((e) => e.type).sort()).toEqual(
      expect.arrayContaining(["client.created", "secret.added", "secret.revoked", "redirect_uri.added", "review.approved", "review.rejected"]),
    );
  });
});

describe("hasUsers", () => {
  it("is false on an empty database and true once seeded", async () => {
    expect(emptyBefore).toBe(true);
    expect(await hasUsers(t.prisma)).toBe(true);
  });

  it("is true as soon as any account exists, not only demo ones", async () => {
    const scratch = openDatabase({ dataDir: "memory://" });
    try {
      await applyMigrations(scratch.adapter);
      expect(await hasUsers(scratch.prisma)).toBe(false);
      await scratch.prisma.user.create({
        data: { email: "ops@example.test", name: "Ops", role: "ADMIN", passwordHash: "!" },
      });
      expect(await hasUsers(scratch.prisma)).toBe(true);
    } finally {
      await scratch.close();
    }
  });

  it("is right to guard the seed: a second seed fails and changes nothing", async () => {
    const count = async () => ({
      partners: await t.prisma.partner.count(),
      users: await t.prisma.user.count(),
      apps: await t.prisma.app.count(),
      appServices: await t.prisma.appService.count(),
      history: await t.prisma.serviceStatusChange.count(),
      clients: await t.prisma.client.count(),
      secrets: await t.prisma.clientSecret.count(),
      activity: await t.prisma.activityEvent.count(),
    });
    const before = await count();
    await expect(seedDemoWorld(t.prisma)).rejects.toThrow();
    expect(await count()).toEqual(before);
  });
});
