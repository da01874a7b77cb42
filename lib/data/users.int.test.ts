import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { verifyPassword } from "../auth/password";
import { useTestDatabase } from "../testing/database";
import { expectBurstLimited } from "../testing/expect";
import { createUser, TooManySignInAttempts, verifyCredentials, type NewUser } from "./users";

const t = useTestDatabase();

const PASSWORD = "correct horse battery staple";
let partner: { id: string; name: string };

beforeAll(async () => {
  partner = await t.rows.partner("Initech");
});

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

describe("createUser", () => {
  it("stores the email normalised, the password hashed, and the partner", async () => {
    const created = await createUser({
      email: "  Peter.Gibbons@Initech.EXAMPLE ",
      name: " Peter Gibbons ",
      password: PASSWORD,
      role: "DEVELOPER",
      partnerName: "Initech",
    });
    expect(created).toMatchObject({ email: "peter.gibbons@initech.example", name: "Peter Gibbons", role: "DEVELOPER" });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.partnerId).toBe(partner.id);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
  });

  it("creates an admin without a partner, on the client it is given", async () => {
    const created = await createUser(
      { email: "bill@initech.example", name: "Bill", password: PASSWORD, role: "ADMIN" },
      t.prisma,
    );
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: created.id }, select: { partnerId: true } })).toEqual({
      partnerId: null,
    });
  });

  it("refuses a duplicate email, whatever its case and spacing, with CONFLICT", async () => {
    const input: NewUser = { email: "milton@initech.example", name: "Milton", password: PASSWORD, role: "VIEWER", partnerName: "Initech" };
    await createUser(input);
    await expectAppError(createUser({ ...input, email: " MILTON@initech.example" }), "CONFLICT", /already exists/);
    expect(await t.prisma.user.count({ where: { email: "milton@initech.example" } })).toBe(1);
  });

  it("refuses an unknown partner with NOT_FOUND", async () => {
    await expectAppError(
      createUser({ email: "x1@initech.example", name: "X", password: PASSWORD, role: "OWNER", partnerName: "Initrode" }),
      "NOT_FOUND",
      /Initrode/,
    );
  });

  it("refuses an admin with a partner and a member without one with VALIDATION", async () => {
    await expectAppError(
      createUser({ email: "x2@initech.example", name: "X", password: PASSWORD, role: "ADMIN", partnerName: "Initech" }),
      "VALIDATION",
      /partner/,
    );
    for (const role of ["OWNER", "DEVELOPER", "VIEWER"] as const) {
      await expectAppError(
        createUser({ email: "x3@initech.example", name: "X", password: PASSWORD, role }),
        "VALIDATION",
        /partner/,
      );
      await expectAppError(
        createUser({ email: "x3@initech.example", name: "X", password: PASSWORD, role, partnerName: "" }),
        "VALIDATION",
        /partner/,
      );
    }
  });

  it("refuses a short password, a malformed email and a blank name with VALIDATION", async () => {
    const base = { email: "x4@initech.example", name: "X", password: PASSWORD, role: "VIEWER" as const, partnerName: "Initech" };
    await expectAppError(createUser({ ...base, password: "short-pw" }), "VALIDATION", /at least 12/);
    await expectAppError(createUser({ ...base, email: "not-an-email" }), "VALIDATION", /email/);
    await expectAppError(createUser({ ...base, name: "   " }), "VALIDATION", /name/);
    expect(await t.prisma.user.count({ where: { email: { startsWith: "x" } } })).toBe(0);
  });
});

describe("verifyCredentials", () => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await createUser({ email: "Samir@Initech.example", name: "Samir", password: PASSWORD, role: "OWNER", partnerName: "Initech" }));
  });

  it("returns the user for the right password", async () => {
    expect(await verifyCredentials("samir@initech.example", PASSWORD)).toEqual({
      id,
      email: "samir@initech.example",
      name: "Samir",
    });
  });

  it("ignores the email's case and surrounding spaces", async () => {
    expect((await verifyCredentials("  SAMIR@initech.EXAMPLE\t", PASSWORD))?.id).toBe(id);
  });

  it("returns null for a wrong password, an empty one, or an unknown email", async () => {
    expect(await verifyCredentials("samir@initech.example", `${PASSWORD}!`)).toBeNull();
    expect(await verifyCredentials("samir@initech.example", "")).toBeNull();
    expect(await verifyCredentials("nobody@initech.example", PASSWORD)).toBeNull();
  });

  it("checks at most the limit's worth of passwords when 20 wrong ones arrive at once", async () => {
    await createUser({ email: "burst@initech.example", name: "Burst", password: PASSWORD, role: "VIEWER", partnerName: "Initech" });
    const attempts = Array.from({ length: 20 }, (_, i) => verifyCredentials("burst@initech.example", `wrong-password-${i}`));
    await expectBurstLimited(attempts, TooManySignInAttempts);
    // The right password is refused too while the window lasts: the throttle does not say whether it was right.
    await expect(verifyCredentials("burst@initech.example", PASSWORD)).rejects.toBeInstanceOf(TooManySignInAttempts);
  });

  it("returns null for an account without a usable password hash", async () => {
    const user = await t.rows.user("VIEWER", partner, "no-password@initech.example");
    expect(await verifyCredentials(user.email, "!unusable")).toBeNull();
  });
});
