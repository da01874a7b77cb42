import { describe, expect, it } from "vitest";
import { mayAuthorize } from "./review";

const PARTNER = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const client = (reviewStatus: "IN_REVIEW" | "APPROVED" | "REJECTED" | null, grantTypes = ["AUTHORIZATION_CODE"]) => ({
  grantTypes,
  reviewStatus,
  partnerId: PARTNER,
});

describe("who may authorize a client", () => {
  it("lets only the partner's own test accounts in until the review is approved", () => {
    for (const status of ["IN_REVIEW", "REJECTED"] as const) {
      expect(mayAuthorize(client(status), { partnerId: PARTNER })).toBe(true);
      expect(mayAuthorize(client(status), { partnerId: OTHER })).toBe(false);
      expect(mayAuthorize(client(status), { partnerId: null })).toBe(false);
    }
  });

  it("lets every account in once approved", () => {
    expect(mayAuthorize(client("APPROVED"), { partnerId: null })).toBe(true);
    expect(mayAuthorize(client("APPROVED"), { partnerId: OTHER })).toBe(true);
  });

  it("lets nobody in without the authorization code grant", () => {
    expect(mayAuthorize(client(null, ["CLIENT_CREDENTIALS"]), { partnerId: PARTNER })).toBe(false);
  });
});
