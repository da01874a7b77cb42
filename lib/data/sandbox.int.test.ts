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
import { employerInput, newSandboxAccountInput, sandboxAccountUpdateInput, type EmployerInput, type SandboxAccountInput } from "../sandbox/schemas";
import type { SessionUser } from "./users";
import { verifySandboxCredentials } from "../providers/indeed/sign-in";
import { endSandboxSessions } from "../providers/indeed/sessions";

const t = useTestDatabase();
const PASSWORD = "a-sandbox-password";

function email() {
  return `${uniqueName("sandbox").replace(/\W+/g, "-")}@sandbox.test`;
}

// The admin forms' actions parse with the schema, then call lib/data with the parsed value;
// these do the same, so a refusal here is what the form would show.
function createAccount(user: SessionUser, input: SandboxAccountInput) {
  return Promise.resolve().then(() => createSandboxAccount(user, newSandboxAccountInput.parse(input)));
}
function updateAccount(user: SessionUser, accountId: string, input: SandboxAccountInput) {
  return Promise.resolve().then(() => updateSandboxAccount(user, accountId, sandboxAccountUpdateInput.parse(input), endSandboxSessions));
}
function addEmployer(user: SessionUser, input: EmployerInput) {
  return Promise.resolve().then(() => createEmployer(user, employerInput.parse(input)));
}

describe("sandbox accounts, as an admin manages them", () => {
  it("creates an account with employers and a partner, and makes it the partner's registrant", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const partner = await t.rows.partner();
    const employer = await addEmployer(admin, { name: uniqueName("Employer") });
    expect(employer.id).toMatch(/^[0-9a-f]{32}$/);
    const address = email();
    const created = await createAccount(admin, {
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
    const second = await createAccount(admin, {
      email: email(), name: "Second", password: PASSWORD, partnerId: partner.id, registrant: true, employerIds: [],
    });
    expect((await t.prisma.partner.findUnique({ where: { id: partner.id } }))!.registrantId).toBe(second.id);
    await updateAccount(admin, second.id, {
      email: email(), name: "Second", password: "", partnerId: "", registrant: false, employerIds: [],
    });
    expect((await t.prisma.partner.findUnique({ where: { id: partner.id } }))!.registrantId).toBeNull();
  });

  it("edits employers and keeps the password unless a new one is given, which ends sessions", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const [a, b] = await Promise.all([addEmployer(admin, { name: uniqueName("A") }), addEmployer(admin, { name: uniqueName("B"), id: "ab".repeat(16) })]);
    expect(b.id).toBe("ab".repeat(16));
    const address = email();
    const created = await createAccount(admin, {
      email: address, name: "Tess", password: PASSWORD, partnerId: "", registrant: false, employerIds: [a.id],
    });
    await t.prisma.sandboxSession.create({ data: { tokenHash: new Uint8Array(32), accountId: created.id, expiresAt: new Date(Date.now() + 60_000) } });
    await updateAccount(admin, created.id, {
      email: address, name: "Tess T.", password: "", partnerId: "", registrant: false, employerIds: [b.id],
    });
    expect((await getSandboxAccount(admin, created.id))!.employers.map((e) => e.id)).toEqual([b.id]);
    expect(await verifySandboxCredentials(address, PASSWORD)).not.toBeNull();
    expect(await t.prisma.sandboxSession.count({ where: { accountId: created.id } })).toBe(1);

    await updateAccount(admin, created.id, {
      email: address, name: "Tess T.", password: "another-password", partnerId: "", registrant: false, employerIds: [b.id],
    });
    expect(await verifySandboxCredentials(address, PASSWORD)).toBeNull();
    expect(await verifySandboxCredentials(address, "another-password")).not.toBeNull();
    expect(await t.prisma.sandboxSession.count({ where: { accountId: created.id } })).toBe(0);
  });

  it("refuses bad input with field errors: duplicates, short passwords, a registrant without partner, unknown employers", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const address = email();
    await createAccount(admin, { email: address, name: "One", password: PASSWORD, partnerId: "", registrant: false, employerIds: [] });
    const base = { email: email(), name: "X", password: PASSWORD, partnerId: "", registrant: false, employerIds: [] as string[] };
    await expect(createAccount(admin, { ...base, email: address })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(Array) } });
    await expect(createAccount(admin, { ...base, password: "short" })).rejects.toThrow();
    await expect(createAccount(admin, { ...base, email: "not-an-email" })).rejects.toThrow();
    await expect(createAccount(admin, { ...base, registrant: true })).rejects.toThrow(/partner/);
    await expect(createAccount(admin, { ...base, partnerId: "not-a-uuid" })).rejects.toThrow();
    await expect(createAccount(admin, { ...base, employerIds: ["f".repeat(32)] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createAccount(admin, { ...base, employerIds: ["'; drop table"] })).rejects.toThrow();
    await expect(updateAccount(admin, "not-a-uuid", base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateAccount(admin, "00000000-0000-4000-8000-000000000000", base)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addEmployer(admin, { name: "Bad", id: "xyz" })).rejects.toThrow();
  });

  it("is for platform admins only: partners' owners and developers are refused everywhere", async () => {
    const partner = await t.rows.partner();
    for (const role of ["OWNER", "DEVELOPER", "VIEWER"] as const) {
      const user = await t.rows.user(role, partner);
      await expect(listSandboxAccounts(user)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listEmployers(user)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getSandboxAccount(user, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        createAccount(user, { email: email(), name: "X", password: PASSWORD, partnerId: partner.id, registrant: true, employerIds: [] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(addEmployer(user, { name: uniqueName("E") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.prisma.partner.findUnique({ where: { id: partner.id } })).toMatchObject({ registrantId: null });
  });
});
