import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../lib/generated/prisma/client";
import { verifySandboxCredentials } from "../lib/providers/indeed/sign-in";
import { useTestDatabase } from "../lib/testing/database";
import { DEMO_PASSWORD, seedDemoWorld } from "./demo-world";

const t = useTestDatabase();

beforeAll(async () => {
  const seeder = new PrismaClient({ adapter: t.database.adapter, transactionOptions: { timeout: 120_000, maxWait: 60_000 } });
  try {
    await seedDemoWorld(seeder);
  } finally {
    await seeder.$disconnect();
  }
});

// Written out by hand, like README.md's table: what a newcomer can sign in with.
const EXPECTED = [
  { email: "jobseeker@sandbox.example", partner: null, registrantOf: null, employers: [] },
  {
    email: "no-employers@acme.sandbox.example",
    partner: "Acme Recruiting",
    registrantOf: null,
    employers: [],
  },
  {
    email: "registrant@acme.sandbox.example",
    partner: "Acme Recruiting",
    registrantOf: "Acme Recruiting",
    employers: ["Dharma Initiative", "US Robotics and Mechanical Men", "Umbrella Corporation"],
  },
  {
    email: "registrant@globex.sandbox.example",
    partner: "Globex Talent",
    registrantOf: "Globex Talent",
    employers: ["Dharma Initiative"],
  },
  {
    email: "tester@acme.sandbox.example",
    partner: "Acme Recruiting",
    registrantOf: null,
    employers: ["US Robotics and Mechanical Men", "Umbrella Corporation"],
  },
];

describe("the demo sandbox world", () => {
  it("has the seed documents' employers with their ids", async () => {
    const employers = await t.prisma.employer.findMany({ select: { id: true, name: true } });
    // Sorted here rather than by the database: collations order "US" and "Um" differently.
    expect(employers.sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { id: "084a39249af95beedfb90cc5d2b8833c", name: "Dharma Initiative" },
      { id: "4bc393648e880bc94dd6cef8efbc8486", name: "US Robotics and Mechanical Men" },
      { id: "865e08b649774436ee1f410b611fad7c", name: "Umbrella Corporation" },
    ]);
  });

  it("has the documented accounts, partners, registrants and employers", async () => {
    const accounts = await t.prisma.sandboxAccount.findMany({
      orderBy: { email: "asc" },
      select: {
        email: true,
        subject: true,
        partner: { select: { name: true } },
        registrantOf: { select: { name: true } },
        employers: { select: { name: true } },
      },
    });
    expect(
      accounts.map((a) => ({
        email: a.email,
        partner: a.partner?.name ?? null,
        registrantOf: a.registrantOf?.name ?? null,
        employers: a.employers.map((e) => e.name).sort(),
      })),
    ).toEqual(EXPECTED);
    for (const a of accounts) expect(a.subject).toMatch(/^[0-9a-f]{16}$/);
  });

  it("gives every partner a registrant", async () => {
    const partners = await t.prisma.partner.findMany({ select: { name: true, registrantId: true } });
    expect(partners.length).toBeGreaterThan(0);
    for (const p of partners) expect(p.registrantId, p.name).not.toBeNull();
  });

  it("lets every sandbox account sign in to the emulator with DEMO_PASSWORD", async () => {
    for (const a of EXPECTED) expect(await verifySandboxCredentials(a.email, DEMO_PASSWORD), a.email).not.toBeNull();
    expect(await verifySandboxCredentials(EXPECTED[0]!.email, `${DEMO_PASSWORD}!`)).toBeNull();
    // Console accounts are not Indeed accounts.
    expect(await verifySandboxCredentials("owner@acme.example", DEMO_PASSWORD)).toBeNull();
  });
});
