import { describe, expect, it } from "vitest";
import { requestability, type CatalogService } from "./rules";

const jobSync = { id: "js", name: "Job Sync API" };
const employerData = { id: "ed", name: "Employer Data API" };
const xmlFeed = { id: "xf", name: "XML Job Feed" };

const catalog: Record<string, CatalogService> = {
  js: { ...jobSync, provider: "INDEED", requires: [], conflictsWith: [xmlFeed], conflictedBy: [], bundles: [employerData] },
  ed: { ...employerData, provider: "INDEED", requires: [], conflictsWith: [], conflictedBy: [], bundles: [] },
  ds: { id: "ds", name: "Disposition Sync API", provider: "INDEED", requires: [jobSync], conflictsWith: [], conflictedBy: [], bundles: [] },
  xf: { ...xmlFeed, provider: "INDEED", requires: [], conflictsWith: [], conflictedBy: [jobSync], bundles: [] },
};
const app = (...present: string[]) => ({ provider: "INDEED", present: new Set(present) });

describe("service request rules", () => {
  it("adds Employer Data API with Job Sync API unless the app has it", () => {
    expect(requestability(catalog.js!, app())).toEqual({ requestable: true, alsoAdds: [employerData] });
    expect(requestability(catalog.js!, app("ed"))).toEqual({ requestable: true, alsoAdds: [] });
  });

  it("requires Job Sync API before Disposition Sync API", () => {
    expect(requestability(catalog.ds!, app())).toEqual({
      requestable: false,
      reason: "Requires Job Sync API on this app first (it uses the same OAuth client).",
    });
    expect(requestability(catalog.ds!, app("js", "ed"))).toEqual({ requestable: true, alsoAdds: [] });
  });

  it("refuses conflicting services in both directions", () => {
    expect(requestability(catalog.js!, app("xf"))).toEqual({
      requestable: false,
      reason: "Not available for apps that use XML Job Feed.",
    });
    expect(requestability(catalog.xf!, app("js"))).toEqual({
      requestable: false,
      reason: "Not available for apps that use Job Sync API.",
    });
  });

  it("refuses a service the app already has, and another provider's", () => {
    expect(requestability(catalog.ed!, app("ed"))).toMatchObject({ requestable: false, reason: "The app already has this service." });
    expect(requestability(catalog.ed!, { provider: "SEEK", present: new Set() })).toMatchObject({ requestable: false });
  });
});
