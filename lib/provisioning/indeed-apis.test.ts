import { describe, expect, it } from "vitest";
import { apiAccess } from "./indeed-apis";

describe("apiAccess", () => {
  it("opens an API in Pending review, Review in progress, Approved and None only", () => {
    for (const status of ["PENDING_REVIEW", "REVIEW_IN_PROGRESS", "APPROVED", "NONE"] as const) {
      expect(apiAccess("employer-data-api", { "employer-data-api": status })).toEqual({ open: true });
    }
    for (const status of ["PROVISIONING_IN_PROGRESS", "REJECTED"] as const) {
      const access = apiAccess("employer-data-api", { "employer-data-api": status });
      expect(access.open).toBe(false);
    }
  });

  it("says what status would allow a refused API, and that Disposition Sync needs Job Sync", () => {
    expect(apiAccess("job-sync-api", { "job-sync-api": "PROVISIONING_IN_PROGRESS" })).toEqual({
      open: false,
      reason:
        "The Job Sync API is “Provisioning in progress” on this app; requests are accepted once it is “Pending review”, “Review in progress”, “Approved” or “None”.",
    });
    expect(apiAccess("job-sync-api", {})).toEqual({ open: false, reason: "The app does not have the Job Sync API." });
    const access = apiAccess("disposition-sync-api", { "disposition-sync-api": "APPROVED", "job-sync-api": "REJECTED" });
    expect(access.open).toBe(false);
    expect(!access.open && access.reason).toMatch(/^Disposition Sync API needs the Job Sync API on the same OAuth client\. The Job Sync API is “Rejected”/);
  });
});
