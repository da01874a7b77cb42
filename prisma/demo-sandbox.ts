// The demo world's sandbox Indeed: the employers of the seed documents (with their ids) and the
// job-site accounts that sign in to the emulator, each partner with the account that
// "registered" its apps. Every password is DEMO_PASSWORD (prisma/demo-world.ts); README.md lists
// the accounts.
import type { Prisma } from "../lib/generated/prisma/client";

export const DEMO_EMPLOYERS = [
  { id: "084a39249af95beedfb90cc5d2b8833c", name: "Dharma Initiative" },
  { id: "865e08b649774436ee1f410b611fad7c", name: "Umbrella Corporation" },
  { id: "4bc393648e880bc94dd6cef8efbc8486", name: "US Robotics and Mechanical Men" },
] as const;

type EmployerName = (typeof DEMO_EMPLOYERS)[number]["name"];

export const DEMO_SANDBOX_ACCOUNTS: readonly {
  email: string;
  name: string;
  subject: string;
  partner: string | null;
  registrant: boolean;
  employers: readonly EmployerName[];
}[] = [
  {
    email: "registrant@acme.sandbox.example",
    name: "Rita Registrant",
    subject: "a5c1d2e3f4a5b6c7",
    partner: "Acme Recruiting",
    registrant: true,
    employers: ["Dharma Initiative", "Umbrella Corporation", "US Robotics and Mechanical Men"],
  },
  {
    email: "tester@acme.sandbox.example",
    name: "Tess Tester",
    subject: "b6d2e3f4a5b6c7d8",
    partner: "Acme Recruiting",
    registrant: false,
    employers: ["US Robotics and Mechanical Men", "Umbrella Corporation"],
  },
  {
    email: "no-employers@acme.sandbox.example",
    name: "Nico Noemployer",
    subject: "c7e3f4a5b6c7d8e9",
    partner: "Acme Recruiting",
    registrant: false,
    employers: [],
  },
  {
    email: "registrant@globex.sandbox.example",
    name: "Gus Registrant",
    subject: "d8f4a5b6c7d8e9f0",
    partner: "Globex Talent",
    registrant: true,
    employers: ["Dharma Initiative"],
  },
  {
    email: "jobseeker@sandbox.example",
    name: "Jo Seeker",
    subject: "e9a5b6c7d8e9f0a1",
    partner: null,
    registrant: false,
    employers: [],
  },
];

/** Seeds the employers and accounts; the partners must exist already. */
export async function seedDemoSandbox(tx: Prisma.TransactionClient, passwordHash: string) {
  await tx.employer.createMany({ data: [...DEMO_EMPLOYERS] });
  const employerId = new Map<string, string>(DEMO_EMPLOYERS.map((e) => [e.name, e.id]));
  for (const account of DEMO_SANDBOX_ACCOUNTS) {
    const partner = account.partner
      ? await tx.partner.findUniqueOrThrow({ where: { name: account.partner }, select: { id: true } })
      : null;
    const created = await tx.sandboxAccount.create({
      data: {
        email: account.email,
        name: account.name,
        subject: account.subject,
        passwordHash,
        partnerId: partner?.id ?? null,
        employers: { connect: account.employers.map((name) => ({ id: employerId.get(name)! })) },
      },
      select: { id: true },
    });
    if (account.registrant && partner) {
      await tx.partner.update({ where: { id: partner.id }, data: { registrantId: created.id } });
    }
  }
}
