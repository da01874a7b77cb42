// The bench world: partners with many apps, each app on the three Indeed catalog services in
// mixed statuses with their history, and an owner per partner. Inserted with createMany in
// chunks: a few thousand rows in a few seconds.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { ProvisioningStatus } from "../../lib/generated/prisma/enums";
import { pathTo } from "../../lib/provisioning/lifecycle";
import { openDatabase } from "../../lib/db";
import { applyMigrations } from "../../prisma/migrate";
import { seedServiceCatalog } from "../../prisma/catalog";
import { sortKey } from "../../lib/sort";

/** Opens the database at `url`, applies the migrations, runs `seed` on it and closes it again. */
export async function seedMigrated<T>(url: string, seed: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const database = openDatabase({ url, poolSize: 2 });
  try {
    const applied = await applyMigrations(database.adapter);
    console.log(`  applied ${applied.length} migration(s)`);
    return await seed(database.prisma);
  } finally {
    await database.close();
  }
}

export interface BenchPartner {
  name: string;
  ownerEmail: string;
  appIds: string[];
}

const STATUSES: ProvisioningStatus[] = [
  "APPROVED",
  "PENDING_REVIEW",
  "NONE",
  "REVIEW_IN_PROGRESS",
  "REJECTED",
  "PROVISIONING_IN_PROGRESS",
];
/** The catalog services every bench app is on. */
const SLUGS = ["job-sync-api", "employer-data-api", "disposition-sync-api"];
const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 1000;


async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * One partner per entry of `sizes` (that many apps each) with an OWNER whose password hash is
 * `passwordHash`. Returns what the benchmark needs to sign in and to pick an app.
 */
export async function seedBenchWorld(
  prisma: PrismaClient,
  sizes: number[],
  passwordHash: string,
  now = new Date(),
): Promise<BenchPartner[]> {
  await seedServiceCatalog(prisma);
  const catalog = await prisma.service.findMany({
    where: { slug: { in: SLUGS } },
    select: { id: true, reviewRequired: true },
  });
  if (catalog.length !== SLUGS.length) throw new Error(`The catalog lacks one of ${SLUGS.join(", ")}.`);

  const partners: BenchPartner[] = [];
  const apps: Prisma.AppCreateManyInput[] = [];
  const appServices: Prisma.AppServiceCreateManyInput[] = [];
  const history: Prisma.ServiceStatusChangeCreateManyInput[] = [];
  const users: Prisma.UserCreateManyInput[] = [];

  for (const size of sizes) {
    const partnerId = randomUUID();
    const ownerId = randomUUID();
    const name = `Bench Partner ${size}`;
    const ownerEmail = `owner-${size}@bench.example`;
    await prisma.partner.create({ data: { id: partnerId, name, sortName: sortKey(name) } });
    users.push({ id: ownerId, email: ownerEmail, name: `Owner of ${size}`, role: "OWNER", partnerId, passwordHash });
    const appIds: string[] = [];
    for (let i = 0; i < size; i++) {
      const appId = randomUUID();
      appIds.push(appId);
      // Mixed case, so the case-insensitive sort has something to do.
      const prefix = i % 3 === 0 ? "acme" : i % 3 === 1 ? "Acme" : "Beta";
      const appName = `${prefix} bench app ${String(i).padStart(4, "0")}`;
      apps.push({
        id: appId,
        partnerId,
        name: appName,
        sortName: sortKey(appName),
        description: `Benchmark app ${i} of ${name}.`,
        provider: "INDEED",
        credentialType: i % 10 === 9 ? "INDEED_APPLY" : "OAUTH2",
        createdAt: new Date(now.getTime() - 120 * DAY),
      });
      catalog.forEach((service, k) => {
        let status = STATUSES[(i * 3 + k) % STATUSES.length]!;
        // A service without review never enters one; one with review never ends at "None".
        if (!service.reviewRequired && status === "APPROVED") status = "NONE";
        if (!service.reviewRequired && status === "REJECTED") status = "PROVISIONING_IN_PROGRESS";
        if (!service.reviewRequired && (status === "PENDING_REVIEW" || status === "REVIEW_IN_PROGRESS")) status = "NONE";
        if (service.reviewRequired && status === "NONE") status = "PENDING_REVIEW";
        const steps = pathTo(status, service.reviewRequired);
        const last = new Date(now.getTime() - ((i * 7 + k * 3) % 90) * DAY - i * 1000);
        const changes = steps.map((to, s) => ({
          appId,
          serviceId: service.id,
          actorId: ownerId,
          fromStatus: s === 0 ? null : steps[s - 1]!,
          toStatus: to,
          note: to === "REJECTED" ? "Missing salary information." : null,
          createdAt: new Date(last.getTime() - (steps.length - 1 - s) * DAY),
        }));
        history.push(...changes);
        appServices.push({
          appId,
          serviceId: service.id,
          status,
          statusChangedAt: last,
          version: steps.length - 1,
          createdAt: changes[0]!.createdAt,
        });
      });
    }
    partners.push({ name, ownerEmail, appIds });
  }

  await prisma.user.createMany({ data: users });
  await insertChunked(apps, (data) => prisma.app.createMany({ data }));
  await insertChunked(appServices, (data) => prisma.appService.createMany({ data }));
  await insertChunked(history, (data) => prisma.serviceStatusChange.createMany({ data }));
  return partners;
}
