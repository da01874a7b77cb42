import { describe, expect, it } from "vitest";
import { uniqueName, useTestDatabase } from "../testing/database";
import {
  createEmployer,
  createSandboxAccount,
  getSandboxAccount,
  listEmployers,
  listSandboxAccounts,
  updateSandboxAccount,
} from "./sandbox";
import { verifySandboxCredentials } from "../providers/indeed/sign-in";

const t = useTestDatabase();
const PASSWORD = "a-sandbox-password";

function email() {
  return `${uniqueName("sandbox").replace(/\W+/g, "-")}@sandbox.test`;
}

describe("sandbox accounts, as an admin manages them", () => {
  it("creates an account with employers and a partner, and makes it the partner's registrant", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const partner = await t.rows.partner();
    const employer = await createEmployer(admin, { name: uniqueName("Employer") });
    expect(employer.id).toMatch(/^[0-9a-f]{32}$/);
    const address = email();
    const created = await createSandboxAccount(admin, {
      email: `  ${address.toUpperCase()} `,
      name: "Rita",
      password: PASSWORD,
      partnerId: partner.id,
      registrant: true,
      employerIds: [employer.id],
    });
    const account = await getSandboxAccount(admin, created.id);
    expect(account).toMatchObject({
      email: address,
      name: "Rita",
      partner: { id: partner.id },
      registrantOf: { id: partner.id },
      employers: [{ id: employer.id, name: employer.name }],
    });
    expect(account!.subject).toMatch(/^[0-9a-f]{16}$/);
    expect(await verifySandboxCredentials(address, PASSWORD)).toMatchObject({ id: created.id });

    // A second registrant replaces the first; leaving the partner stops being its registrant.
    const second = await createSandboxAccount(admin, {
      email: email(), name: "Second", password: PASSWORD, partnerId: partner.id, registrant: true, employerIds: [],
    });
    expect((await t.prisma.partner.findUnique({ where: { id: partner.id } }))!.registrantId).toBe(second.id);
    await updateSandboxAccount(admin, second.id, {
      email: email(), name: "Second", password: "", partnerId: "", registrant: false, employerIds: [],
    });
    expect((await t.prisma.partner.findUnique({ where: { id: partner.id } }))!.registrantId).toBeNull();
  });

  it("edits employers and keeps the password unless a new one is given, which ends sessions", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const [a, b] = await Promise.all([createEmployer(admin, { name: uniqueName("A") }), createEmployer(admin, { name: uniqueName("B"), id: "ab".repeat(16) })]);
    expect(b.id).toBe("ab".repeat(16));
    const address = email();
    const created = await createSandboxAccount(admin, {
      email: address, name: "Tess", password: PASSWORD, partnerId: "", registrant: false, employerIds: [a.id],
    });
    await t.prisma.sandboxSession.create({ data: { tokenHash: new Uint8Array(32), accountId: created.id, expiresAt: new Date(Date.now() + 60_000) } });
    await updateSandboxAccount(admin, created.id, {
      email: address, name: "Tess T.", password: "", partnerId: "", registrant: false, employerIds: [b.id],
    });
    expect((await getSandboxAccount(admin, created.id))!.employers.map((e) => e.id)).toEqual([b.id]);
    expect(await verifySandboxCredentials(address, PASSWORD)).not.toBeNull();
    expect(await t.prisma.sandboxSession.count({ where: { accountId: created.id } })).toBe(1);

    await updateSandboxAccount(admin, created.id, {
      email: address, name: "Tess T.", password: "another-password", partnerId: "", registrant: false, employerIds: [b.id],
    });
    expect(await verifySandboxCredentials(address, PASSWORD)).toBeNull();
    expect(await verifySandboxCredentials(address, "another-password")).not.toBeNull();
    expect(await t.prisma.sandboxSession.count({ where: { accountId: created.id } })).toBe(0);
  });

  it("refuses bad input with field errors: duplicates, short passwords, a registrant without partner, unknown employers", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const address = email();
    await createSandboxAccount(admin, { email: address, name: "One", password: PASSWORD, partnerId: "", registrant: false, employerIds: [] });
    const base = { email: email(), name: "X", password: PASSWORD, partnerId: "", registrant: false, employerIds: [] as string[] };
    await expect(createSandboxAccount(admin, { ...base, email: address })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(Array) } });
    await expect(createSandboxAccount(admin, { ...base, password: "short" })).rejects.toThrow();
    await expect(createSandboxAccount(admin, { ...base, email: "not-an-email" })).rejects.toThrow();
    await expect(createSandboxAccount(admin, { ...base, registrant: true })).rejects.toThrow(/partner/);
    await expect(createSandboxAccount(admin, { ...base, partnerId: "not-a-uuid" })).rejects.toThrow();
    await expect(createSandboxAccount(admin, { ...base, employerIds: ["f".repeat(32)] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createSandboxAccount(admin, { ...base, employerIds: ["'; drop table"] })).rejects.toThrow();
    await expect(updateSandboxAccount(admin, "not-a-uuid", base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateSandboxAccount(admin, "00000000-0000-4000-8000-000000000000", base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createEmployer(admin, { name: "Bad", id: "xyz" })).rejects.toThrow();
  });

  it("is for platform admins only: partners' owners and developers are refused everywhere", async () => {
    const partner = await t.rows.partner();
    for (const role of ["OWNER", "DEVELOPER", "VIEWER"] as const) {
      const user = await t.rows.user(role, partner);
      await expect(listSandboxAccounts(user)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listEmployers(user)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getSandboxAccount(user, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        createSandboxAccount(user, { email: email(), name: "X", password: PASSWORD, partnerId: partner.id, registrant: true, employerIds: [] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createEmployer(user, { name: uniqueName("E") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.prisma.partner.findUnique({ where: { id: partner.id } })).toMatchObject({ registrantId: null });
  });
});
