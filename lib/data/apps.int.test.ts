// Authorization written the way an attacker would try it: a signed-in member of one partner
// asks the data layer for another partner's apps by id, by search and by page.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type People } from "../testing/database";
import { compareNames, sortKey } from "../sort";
import { DASHBOARD_PAGE_SIZE, findApp, listAppServices, listDashboardApps } from "./apps";
import type { SessionUser } from "./users";

const t = useTestDatabase();

let people: People;

// Names chosen so that case-sensitive or plain code-point order would differ from ours.
const ACME_APPS = ["beta", "Alpha", "alpha2", "Gamma", "delta", "app-10", "app-9"];
const ACME_ORDER = ["Alpha", "alpha2", "app-9", "app-10", "beta", "delta", "Gamma"];
const GLOBEX_APPS = ["Globex secret", "aardvark"];

let acme: { id: string; name: string };
let globex: { id: string; name: string };
const appIds = new Map<string, string>();
let globexSecretId: string;

beforeAll(async () => {
  // In code-point order "Globex" would come before "acme": ours is case-insensitive.
  acme = await t.rows.partner("acme Recruiting");
  globex = await t.rows.partner("Globex Talent");
  for (const name of ACME_APPS) appIds.set(`acme/${name}`, (await t.rows.app(acme.id, name)).id);
  for (const name of GLOBEX_APPS) appIds.set(`globex/${name}`, (await t.rows.app(globex.id, name)).id);
  globexSecretId = appIds.get("globex/Globex secret")!;
  people = await t.rows.people(acme, globex);

  const job = await t.rows.service({ name: "Job Sync" });
  const employer = await t.rows.service({ name: "Employer Data", reviewRequired: false });
  const disposition = await t.rows.service({ name: "Disposition Sync" });
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const alpha = appIds.get("acme/Alpha")!;
  // Inserted neither in time order nor in name order.
  await t.rows.appService(alpha, employer.id, "NONE", new Date(now - 5 * day));
  await t.rows.appService(alpha, job.id, "APPROVED", new Date(now - 1 * day));
  await t.rows.appService(alpha, disposition.id, "PENDING_REVIEW", new Date(now - 9 * day));
  await t.rows.appService(globexSecretId, job.id, "REJECTED", new Date(now));
});

const names = (apps: { name: string }[]) => apps.map((a) => a.name);

describe("listDashboardApps for a partner member", () => {
  it("lists exactly the partner's apps, alphabetically and case-insensitively", async () => {
    const result = await listDashboardApps(people.acmeOwner);
    expect(names(result.apps)).toEqual(ACME_ORDER);
    expect([...ACME_APPS].sort(compareNames)).toEqual(ACME_ORDER);
    expect(result.apps.every((a) => a.partner.id === acme.id)).toBe(true);
    expect(result).toMatchObject({ total: ACME_APPS.length, page: 1, pageCount: 1, grouped: false });
  });

  it("never shows another partner's apps, whatever the page or search", async () => {
    const mine = await listDashboardApps(people.globexDeveloper);
    expect(names(mine.apps)).toEqual(["aardvark", "Globex secret"]);
    for (const query of [{}, { page: 2 }, { page: -1 }, { search: "a" }, { search: "Alpha" }, { search: "%" }]) {
      const result = await listDashboardApps(people.globexDeveloper, query);
      expect(result.apps.every((a) => a.partner.id === globex.id), JSON.stringify(query)).toBe(true);
    }
    expect((await listDashboardApps(people.acmeOwner, { search: "Globex secret" })).total).toBe(0);
  });

  it("searches case-insensitively within the name, trimming the query", async () => {
    const result = await listDashboardApps(people.acmeOwner, { search: "  ALPHA " });
    expect(names(result.apps)).toEqual(["Alpha", "alpha2"]);
    expect(result.search).toBe("ALPHA");
    expect(result.total).toBe(2);
    expect((await listDashboardApps(people.acmeOwner, { search: "no such app" })).apps).toEqual([]);
  });

  it("matches the search literally: % and _ stand for themselves", async () => {
    const initech = await t.rows.partner("Initech");
    for (const name of ["100% match", "under_score", "underscore", "back\\slash", "plain"]) await t.rows.app(initech.id, name);
    const owner = await t.rows.user("OWNER", initech);
    const found = async (search: string) => names((await listDashboardApps(owner, { search })).apps);
    try {
      expect(await found("%")).toEqual(["100% match"]);
      expect(await found("0% m")).toEqual(["100% match"]);
      expect(await found("_")).toEqual(["under_score"]);
      expect(await found("r_s")).toEqual(["under_score"]);
      expect(await found("\\")).toEqual(["back\\slash"]);
      expect(await found("%%")).toEqual([]);
    } finally {
      // The other tests count every partner's apps.
      await t.prisma.app.deleteMany({ where: { partnerId: initech.id } });
    }
  });

  it("shows each app's services, most recent change first", async () => {
    const { apps } = await listDashboardApps(people.acmeOwner, { search: "Alpha" });
    const alpha = apps.find((a) => a.name === "Alpha")!;
    expect(alpha.services.map((s) => s.service.name)).toEqual(["Job Sync", "Employer Data", "Disposition Sync"]);
  });

  it("lets a viewer see the partner's apps", async () => {
    expect(names((await listDashboardApps(people.acmeViewer)).apps)).toEqual(ACME_ORDER);
  });

  it("shows nothing to a user with an unknown role, or a member without a partner", async () => {
    const root = { ...people.acmeOwner, role: "ROOT" } as unknown as SessionUser;
    const orphan: SessionUser = { ...people.acmeOwner, partnerId: null, partnerName: null };
    for (const user of [root, orphan]) {
      const result = await listDashboardApps(user);
      expect(result.apps).toEqual([]);
      expect(result.total).toBe(0);
    }
  });
});

describe("listDashboardApps for an admin", () => {
  it("lists every partner's apps, grouped by partner in alphabetical order", async () => {
    const result = await listDashboardApps(people.admin);
    expect(result.grouped).toBe(true);
    const ours = result.apps.filter((a) => a.partner.id === acme.id || a.partner.id === globex.id);
    expect(ours.map((a) => `${a.partner.name}/${a.name}`)).toEqual([
      ...ACME_ORDER.map((n) => `acme Recruiting/${n}`),
      "Globex Talent/aardvark",
      "Globex Talent/Globex secret",
    ]);
  });
});

describe("findApp and listAppServices", () => {
  const malformed = ["", "not-a-uuid", "1 OR 1=1", `${randomUUID()}'--`, `${randomUUID()}x`, "../apps"];

  it("return the member's own app and its services, most recent change first", async () => {
    const alpha = appIds.get("acme/Alpha")!;
    expect(await findApp(people.acmeOwner, alpha)).toMatchObject({ id: alpha, name: "Alpha", partner: { id: acme.id } });
    const services = await listAppServices(people.acmeViewer, alpha);
    expect(services?.map((s) => [s.service.name, s.status])).toEqual([
      ["Job Sync", "APPROVED"],
      ["Employer Data", "NONE"],
      ["Disposition Sync", "PENDING_REVIEW"],
    ]);
    const times = services!.map((s) => s.statusChangedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("return an empty list, not null, for a visible app without services", async () => {
    expect(await listAppServices(people.acmeOwner, appIds.get("acme/beta")!)).toEqual([]);
  });

  it("return null for another partner's app, exactly as for a missing one", async () => {
    for (const user of [people.acmeOwner, people.acmeViewer]) {
      expect(await findApp(user, globexSecretId)).toBeNull();
      expect(await listAppServices(user, globexSecretId)).toBeNull();
      expect(await findApp(user, globexSecretId.toUpperCase())).toBeNull();
      expect(await listAppServices(user, globexSecretId.toUpperCase())).toBeNull();
    }
    expect(await findApp(people.globexDeveloper, appIds.get("acme/Alpha")!)).toBeNull();
  });

  it("return null for a missing uuid and for malformed ids, for members and admins alike", async () => {
    for (const user of [people.acmeOwner, people.admin]) {
      expect(await findApp(user, randomUUID())).toBeNull();
      expect(await listAppServices(user, randomUUID())).toBeNull();
      for (const id of malformed) {
        expect(await findApp(user, id), id).toBeNull();
        expect(await listAppServices(user, id), id).toBeNull();
      }
    }
  });

  it("let an admin open any partner's app", async () => {
    expect(await findApp(people.admin, globexSecretId)).toMatchObject({ name: "Globex secret", partner: { id: globex.id } });
    expect((await listAppServices(people.admin, globexSecretId))?.map((s) => s.status)).toEqual(["REJECTED"]);
  });

  it("return null to a user with an unknown role or a member without a partner", async () => {
    const alpha = appIds.get("acme/Alpha")!;
    const root = { ...people.acmeOwner, role: "ROOT" } as unknown as SessionUser;
    const orphan: SessionUser = { ...people.acmeOwner, partnerId: null, partnerName: null };
    for (const user of [root, orphan]) {
      expect(await findApp(user, alpha)).toBeNull();
      expect(await listAppServices(user, alpha)).toBeNull();
    }
  });
});

describe("dashboard pagination", () => {
  const count = DASHBOARD_PAGE_SIZE + 7;
  let member: SessionUser;
  let expected: string[];

  beforeAll(async () => {
    const partner = await t.rows.partner("Many Apps Ltd");
    await t.prisma.app.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const name = `${i % 2 ? "Bulk" : "bulk"}-app-${count - i}`;
        return { partnerId: partner.id, name, sortName: sortKey(name), provider: "INDEED" as const, credentialType: "OAUTH2" as const };
      }),
    });
    member = await t.rows.user("DEVELOPER", partner);
    expected = Array.from({ length: count }, (_, i) => `${(count - i - 1) % 2 ? "Bulk" : "bulk"}-app-${i + 1}`);
  });

  it("splits the partner's apps into pages of DASHBOARD_PAGE_SIZE, in order, without gaps or repeats", async () => {
    const first = await listDashboardApps(member, { page: 1 });
    const second = await listDashboardApps(member, { page: 2 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: count });
    expect(first.apps).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: count });
    expect(second.apps).toHaveLength(count - DASHBOARD_PAGE_SIZE);
    expect([...names(first.apps), ...names(second.apps)]).toEqual(expected);
  });

  it("clamps out-of-range and non-integer pages", async () => {
    expect((await listDashboardApps(member, { page: 99 })).page).toBe(2);
    for (const page of [0, -3, Number.NaN, 1.7]) {
      const result = await listDashboardApps(member, { page });
      expect(result.page, String(page)).toBe(1);
      expect(names(result.apps)).toEqual(expected.slice(0, DASHBOARD_PAGE_SIZE));
    }
  });

  it("paginates search results and other partners never leak into a page", async () => {
    const result = await listDashboardApps(member, { search: "APP-1", page: 1 });
    expect(names(result.apps)).toEqual(expected.filter((n) => n.toLowerCase().includes("app-1")));
    const last = await listDashboardApps(member, { page: 2 });
    expect(last.apps.every((a) => a.partner.name === "Many Apps Ltd")).toBe(true);
  });

  it("counts every partner's apps for an admin", async () => {
    const result = await listDashboardApps(people.admin);
    expect(result.total).toBe(count + ACME_APPS.length + GLOBEX_APPS.length);
    expect(result.pageCount).toBe(Math.ceil(result.total / DASHBOARD_PAGE_SIZE));
  });
});
