import { describe, expect, it } from "vitest";
import { uniqueName, useTestDatabase } from "../../testing/database";
import { expectBurstLimited } from "../../testing/expect";
import { isLimited } from "../../data/rate-limit";
import { createSandboxAccount } from "../../data/sandbox";
import { newSandboxAccountInput } from "../../sandbox/schemas";
import { SIGN_IN_LIMIT } from "../../data/users";
import { TooManySandboxSignInAttempts, verifySandboxCredentials } from "./sign-in";

const t = useTestDatabase();

describe("signing in to the emulator", () => {
  it("throttles failures per email like the console, whether or not the account exists", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const address = `${uniqueName("sign-in").replace(/\W+/g, "-")}@sandbox.test`;
    const password = "a-sandbox-password";
    await createSandboxAccount(admin, newSandboxAccountInput.parse({ email: address, name: "T", password, partnerId: "", registrant: false, employerIds: [] }));
    for (let i = 0; i < SIGN_IN_LIMIT.max; i++) expect(await verifySandboxCredentials(address, "wrong-password")).toBeNull();
    await expect(verifySandboxCredentials(address, password)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The console's own counter for the same address is separate.
    expect(await isLimited(`sign-in:${address}`, SIGN_IN_LIMIT)).toEqual({ limited: false });
  });

  it("checks at most the limit's worth of passwords when 20 wrong ones arrive at once", async () => {
    const admin = await t.rows.user("ADMIN", null);
    const address = `${uniqueName("burst").replace(/\W+/g, "-")}@sandbox.test`;
    await createSandboxAccount(admin, newSandboxAccountInput.parse({ email: address, name: "T", password: "a-sandbox-password", partnerId: "", registrant: false, employerIds: [] }));
    await expectBurstLimited(Array.from({ length: 20 }, (_, i) => verifySandboxCredentials(address, `wrong-${i}`)), TooManySandboxSignInAttempts);
  });
});
