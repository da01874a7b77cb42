// What the credential forms refuse before anything reaches the database or the consent screen.
import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, INVISIBLE_CHARACTERS_MESSAGE } from "../plain-text";
import { newAppInput, partnerInfoInput, secretInput } from "./schemas";

const PARTNER_INFO = {
  companyName: "Acme Recruiting",
  homepageUrl: "https://acme.example",
  supportEmail: "support@acme.example",
  privacyPolicyUrl: "https://acme.example/privacy",
};

const NEW_APP = {
  partnerId: "7a4e3c1e-4a3b-4b8e-9d0c-2f1e5d6c7b8a",
  name: "Acme-dev",
  description: "",
  provider: "INDEED",
  credentialType: "OAUTH2",
  isPublic: false,
  grantTypes: ["CLIENT_CREDENTIALS"],
} as const;

/** The first error of each field, as the forms show it next to the field. */
function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("partner info (shown on the consent screen)", () => {
  it("accepts ordinary text in any script", () => {
    expect(partnerInfoInput.safeParse(PARTNER_INFO).success).toBe(true);
    expect(partnerInfoInput.safeParse({ ...PARTNER_INFO, companyName: "שלום Recruiting" }).success).toBe(true);
  });

  it.each(["companyName", "homepageUrl", "supportEmail", "privacyPolicyUrl"] as const)("refuses a NUL in %s next to that field", (field) => {
    const value = field === "companyName" ? "Acme\u0000" : PARTNER_INFO[field].replace(".example", "\u0000.example");
    expect(fieldErrors(partnerInfoInput.safeParse({ ...PARTNER_INFO, [field]: value }))[field]).toBe(CONTROL_CHARACTERS_MESSAGE);
  });

  it.each([
    ["companyName", "Acme \u202egnitiurceR"],
    ["companyName", "Acme\u200bRecruiting"],
    ["companyName", "\u2066Acme\u2069"],
    ["homepageUrl", "https://acme.example/\u202efdp.exe"],
    ["privacyPolicyUrl", "https://acme.example/\ufeffprivacy"],
    ["supportEmail", "support\u200d@acme.example"],
  ] as const)("refuses bidi controls and zero-width characters in %s (%j)", (field, value) => {
    expect(fieldErrors(partnerInfoInput.safeParse({ ...PARTNER_INFO, [field]: value }))[field]).toBe(INVISIBLE_CHARACTERS_MESSAGE);
  });
});

describe("new app", () => {
  it("refuses invisible characters in the app name, and control characters in the description", () => {
    expect(newAppInput.safeParse(NEW_APP).success).toBe(true);
    expect(fieldErrors(newAppInput.safeParse({ ...NEW_APP, name: "Acme\u202e-dev" })).name).toBe(INVISIBLE_CHARACTERS_MESSAGE);
    expect(fieldErrors(newAppInput.safeParse({ ...NEW_APP, name: "Acme\u0000" })).name).toBe(CONTROL_CHARACTERS_MESSAGE);
    expect(fieldErrors(newAppInput.safeParse({ ...NEW_APP, description: "line one\u0000" })).description).toBe(CONTROL_CHARACTERS_MESSAGE);
    expect(newAppInput.safeParse({ ...NEW_APP, description: "line one\nline two" }).success).toBe(true);
  });

  it("asks an Indeed OAuth app for its grant types, and a SEEK app for none, dropping any sent", () => {
    expect(fieldErrors(newAppInput.safeParse({ ...NEW_APP, grantTypes: [] })).grantTypes).toBe("Choose at least one grant type.");
    for (const sent of [{ grantTypes: [] }, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] }]) {
      const seek = newAppInput.safeParse({ ...NEW_APP, provider: "SEEK", ...sent });
      expect(seek.success).toBe(true);
      expect(seek.data).toMatchObject({ provider: "SEEK", credentialType: "OAUTH2", isPublic: false, grantTypes: [] });
    }
    expect(fieldErrors(newAppInput.safeParse({ ...NEW_APP, provider: "SEEK", credentialType: "INDEED_APPLY" })).credentialType).toBe(
      "Indeed Apply credentials exist for Indeed apps only.",
    );
  });
});

describe("secret label", () => {
  it("refuses a NUL in a secret label", () => {
    expect(secretInput.safeParse({ label: "Production" }).success).toBe(true);
    expect(fieldErrors(secretInput.safeParse({ label: "Prod\u0000uction" })).label).toBe(CONTROL_CHARACTERS_MESSAGE);
  });
});
