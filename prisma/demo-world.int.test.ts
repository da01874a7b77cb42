import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ProvisioningStatus } from "../lib/generated/prisma/enums";
import { verifyCredentials } from "../lib/data/users";
import { openDatabase } from "../lib/db";
import { useTestDatabase } from "../lib/testing/database";
import { applyMigrations } from "./migrate";
import { DEMO_PASSWORD, DEMO_USERS, hasUsers, INDEED_SERVICES, seedDemoWorld } from "./demo-world";

const t = useTestDatabase();
let emptyBefore: boolean;

beforeAll(async () => {
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
    });
    const before = await count();
    await expect(seedDemoWorld(t.prisma)).rejects.toThrow();
    expect(await count()).toEqual(before);
  });
});
