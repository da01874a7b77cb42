// The Hirers tab's queries mean what SEEK's GraphQL queries mean: the partner's related hirers
// of one environment, alphabetical, filtered by a name fragment and any of the relationship
// types, paged; a lookup by exact id. And the admins' relationship changes: recorded with who
// and when, shown in each of the partner's SEEK apps' activity, refused to anyone else.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type People } from "../testing/database";
import type { SessionUser } from "./users";
import {
  createSeekHirer as createParsed,
  listAppHirers,
  lookupAppHirer,
  relationshipInput,
  seekHirerInput,
  setSeekRelationship as setParsed,
  type SeekHirerInput,
} from "./seek-hirers";

// The actions parse with these schemas before lib/data sees the input; so do the tests.
const createSeekHirer = async (user: SessionUser, input: SeekHirerInput) => createParsed(user, seekHirerInput.parse(input));
const setSeekRelationship = async (user: SessionUser, input: { partnerId: string; hirerId: string; types: string[] }) =>
  setParsed(user, relationshipInput.parse(input));

const t = useTestDatabase();

let people: People;

let acme: { id: string; name: string };
let globex: { id: string; name: string };
let app: { id: string };
let globexApp: { id: string };

const P = (v: string) => `seekAnzPublicTest:organization:seek:${v}`;
const L = (v: string) => `seekAnz:organization:seek:${v}`;

beforeAll(async () => {
  acme = await t.rows.partner();
  globex = await t.rows.partner();
  people = await t.rows.people(acme, globex);
  app = await t.rows.app(acme.id, "Acme-seek", { provider: "SEEK" });
  globexApp = await t.rows.app(globex.id, "Globex-seek", { provider: "SEEK" });
  const hirers: [string, string, string][] = [
    [P("Zeta1"), "zeta Foods", ""],
    [P("Alpha1"), "Alpha Health", "1001"],
    [P("Beta1"), "beta Builders", ""],
    [P("Nope1"), "Alpha Unrelated", ""],
    [L("Live1"), "Alpha Live", "2001"],
  ];
  for (const [id, name, seekAnzAdvertiserId] of hirers) await createSeekHirer(people.admin, { id, name, seekAnzAdvertiserId, testPartnerId: "" });
  await createSeekHirer(people.admin, { id: L("GlobexTest"), name: "Globex Test Hirer", seekAnzAdvertiserId: "", testPartnerId: globex.id });
  await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Zeta1"), types: ["JobPosting"] });
  await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Alpha1"), types: ["ApplicationExport", "JobPosting"] });
  await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Beta1"), types: ["CandidateProfiles"] });
  await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: L("Live1"), types: ["JobPosting"] });
  await setSeekRelationship(people.admin, { partnerId: globex.id, hirerId: P("Nope1"), types: ["JobPosting"] });
});

describe("the Hirers tab", () => {
  it("lists the partner's related hirers of one environment alphabetically, ignoring case", async () => {
    const playground = await listAppHirers(people.acmeViewer, app.id, {});
    expect(playground!.hirers.map((h) => h.name)).toEqual(["Alpha Health", "beta Builders", "zeta Foods"]);
    expect(playground!.hirers[0]).toMatchObject({ id: P("Alpha1"), seekAnzAdvertiserId: 1001, relationshipTypes: ["ApplicationExport", "JobPosting"] });
    const live = await listAppHirers(people.acmeViewer, app.id, { environment: "LIVE" });
    expect(live!.hirers.map((h) => h.id)).toEqual([L("Live1")]);
  });

  it("filters by a case-insensitive name fragment and by any of the relationship types", async () => {
    expect((await listAppHirers(people.acmeViewer, app.id, { nameSearch: "ALPHA" }))!.hirers.map((h) => h.id)).toEqual([P("Alpha1")]);
    expect((await listAppHirers(people.acmeViewer, app.id, { nameSearch: "%" }))!.hirers).toEqual([]);
    const byType = await listAppHirers(people.acmeViewer, app.id, { relationshipTypes: ["CandidateProfiles", "ApplicationExport"] });
    expect(byType!.hirers.map((h) => h.name)).toEqual(["Alpha Health", "beta Builders"]);
  });

  it("pages in order", async () => {
    const first = await listAppHirers(people.acmeViewer, app.id, { pageSize: 2 });
    const second = await listAppHirers(people.acmeViewer, app.id, { pageSize: 2, page: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2, page: 1 });
    expect([...first!.hirers, ...second!.hirers].map((h) => h.name)).toEqual(["Alpha Health", "beta Builders", "zeta Foods"]);
  });

  it("looks a hirer up by its exact id, and says why when it cannot", async () => {
    expect(await lookupAppHirer(people.acmeViewer, app.id, P("Alpha1"))).toMatchObject({ found: true, hirer: { name: "Alpha Health" } });
    expect(await lookupAppHirer(people.acmeViewer, app.id, ` ${P("Alpha1")}`)).toEqual({ found: false, reason: "INVALID_ID" });
    expect(await lookupAppHirer(people.acmeViewer, app.id, P("Missing9"))).toEqual({ found: false, reason: "UNKNOWN" });
    expect(await lookupAppHirer(people.acmeViewer, app.id, P("Nope1"))).toEqual({ found: false, reason: "NO_RELATIONSHIP" });
  });

  it("is missing for another partner and for an Indeed app", async () => {
    expect(await listAppHirers(people.globexOwner, app.id, {})).toBeNull();
    expect(await lookupAppHirer(people.globexOwner, app.id, P("Alpha1"))).toBeNull();
    const indeed = await t.rows.app(acme.id);
    expect(await listAppHirers(people.acmeOwner, indeed.id, {})).toBeNull();
    expect((await listAppHirers(people.globexOwner, globexApp.id, {}))!.hirers.map((h) => h.id)).toEqual([P("Nope1")]);
  });
});

describe("relationship changes", () => {
  it("are recorded with who and when and appear in the partner's SEEK apps' activity only", async () => {
    const before = await t.prisma.activityEvent.count({ where: { appId: globexApp.id } });
    await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Beta1"), types: ["JobPosting", "CandidateProfiles"] });
    await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Beta1"), types: [] });
    const changes = await t.prisma.seekHirerRelationshipChange.findMany({
      where: { partnerId: acme.id, hirerId: P("Beta1") },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((c) => [c.fromTypes, c.toTypes, c.actorId])).toEqual([
      [[], ["CandidateProfiles"], people.admin.id],
      [["CandidateProfiles"], ["JobPosting", "CandidateProfiles"], people.admin.id],
      [["JobPosting", "CandidateProfiles"], [], people.admin.id],
    ]);
    expect(await t.prisma.seekHirerRelationship.count({ where: { partnerId: acme.id, hirerId: P("Beta1") } })).toBe(0);
    const activity = await t.prisma.activityEvent.findMany({ where: { appId: app.id, type: "seek.relationship.changed" }, orderBy: { createdAt: "asc" } });
    expect(activity.at(-1)!.detail).toMatchObject({ hirer: "beta Builders (Playground)", fromTypes: ["JobPosting", "CandidateProfiles"], toTypes: [] });
    expect(await t.prisma.activityEvent.count({ where: { appId: globexApp.id } })).toBe(before);
    // Saving the same set again records nothing.
    expect(await setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Zeta1"), types: ["JobPosting"] })).toEqual({ changed: false });
  });

  it("refuse another partner's test hirer, unknown types, and non-admins", async () => {
    await expect(setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: L("GlobexTest"), types: ["JobPosting"] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setSeekRelationship(people.admin, { partnerId: acme.id, hirerId: P("Zeta1"), types: ["Everything"] })).rejects.toThrow();
    await expect(setSeekRelationship(people.acmeOwner, { partnerId: acme.id, hirerId: P("Nope1"), types: ["JobPosting"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.prisma.seekHirerRelationship.count({ where: { partnerId: acme.id, hirerId: { in: [L("GlobexTest"), P("Nope1")] } } })).toBe(0);
  });

  it("refuse hirer ids out of SEEK's form, duplicates and a Playground test hirer, next to the field", async () => {
    await expect(createSeekHirer(people.admin, { id: " seekAnz:organization:seek:X1", name: "X", seekAnzAdvertiserId: "", testPartnerId: "" })).rejects.toThrow();
    await expect(createSeekHirer(people.admin, { id: P("Alpha1"), name: "Again", seekAnzAdvertiserId: "", testPartnerId: "" })).rejects.toMatchObject({
      fieldErrors: { id: ["A hirer with this id exists."] },
    });
    await expect(createSeekHirer(people.admin, { id: P("New1"), name: "New", seekAnzAdvertiserId: "1001", testPartnerId: "" })).rejects.toMatchObject({
      fieldErrors: { seekAnzAdvertiserId: ["Another hirer has this advertiser id."] },
    });
    await expect(createSeekHirer(people.admin, { id: P("New2"), name: "New", seekAnzAdvertiserId: "", testPartnerId: acme.id })).rejects.toMatchObject({
      fieldErrors: { testPartnerId: ["A test hirer is a live hirer: use a seekAnz: id."] },
    });
    await expect(createSeekHirer(people.admin, { id: P("New3"), name: "New", seekAnzAdvertiserId: "99999999999", testPartnerId: "" })).rejects.toThrow();
  });
});
