// The provisioning lifecycle against a real database, written the way an attacker (or two busy
// admins) would try it: requests the catalog rules refuse, moves by the wrong role or partner,
// stale versions, and the same move fired in parallel. Every refusal must leave no trace.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/database";
import { refusal } from "../testing/expect";
import { seedServiceCatalog } from "../../prisma/catalog";
import type { ProvisioningStatus } from "../status";
import {
  listRequestOptions,
  listStatusHistory,
  listUnseenChanges,
  markChangesSeen,
  moveService,
  requestService,
} from "./provisioning";
import type { SessionUser } from "./users";

const t = useTestDatabase();

const CHANGED_MEANWHILE = /changed meanwhile/;

let acme: { id: string; name: string };
let globex: { id: string; name: string };
let owner: SessionUser;
let developer: SessionUser;
let viewer: SessionUser;
let globexOwner: SessionUser;
let admin: SessionUser;
let secondAdmin: SessionUser;
let catalog: Record<"jobSync" | "dispositionSync" | "employerData" | "xmlFeed", string>;

beforeAll(async () => {
  const ids = await t.prisma.$transaction((tx) => seedServiceCatalog(tx));
  catalog = {
    jobSync: ids.get("job-sync-api")!,
    dispositionSync: ids.get("disposition-sync-api")!,
    employerData: ids.get("employer-data-api")!,
    xmlFeed: ids.get("xml-job-feed")!,
  };
  acme = await t.rows.partner();
  globex = await t.rows.partner();
  owner = await t.rows.user("OWNER", acme);
  developer = await t.rows.user("DEVELOPER", acme);
  viewer = await t.rows.user("VIEWER", acme);
  globexOwner = await t.rows.user("OWNER", globex);
  admin = await t.rows.user("ADMIN", null);
  secondAdmin = await t.rows.user("ADMIN", null);
});

/** Everything a refusal must leave untouched, for one app. */
/** `attempt` is refused as `expected`, and the app's services and history are as they were. */
async function expectRefusedUnchanged(appId: string, attempt: () => Promise<unknown>, expected: { code: string; message: string }) {
  const before = await snapshot(appId);
  expect(await refusal(attempt())).toMatchObject(expected);
  expect(await snapshot(appId)).toEqual(before);
}

async function snapshot(appId: string) {
  const [services, history] = await Promise.all([
    t.prisma.appService.findMany({
      where: { appId },
      orderBy: { serviceId: "asc" },
      select: { serviceId: true, status: true, version: true, statusChangedAt: true },
    }),
    t.prisma.serviceStatusChange.count({ where: { appId } }),
  ]);
  return { services, history };
}

async function current(appId: string, serviceId: string) {
  return t.prisma.appService.findUnique({
    where: { appId_serviceId: { appId, serviceId } },
    select: { status: true, version: true },
  });
}

/** A fresh Acme app holding `services` in the given statuses (version 0, no history). */
async function appWith(services: [string, ProvisioningStatus][] = []) {
  const app = await t.rows.app(acme.id);
  for (const [serviceId, status] of services) await t.rows.appService(app.id, serviceId, status);
  return app;
}

describe("requesting a service", () => {
  it("adds Job Sync API together with Employer Data API, each with a history row", async () => {
    const app = await appWith();
    const result = await requestService(developer, { appId: app.id, serviceId: catalog.jobSync, note: "  For our ATS. " });
    expect(result.added).toEqual(["Job Sync API", "Employer Data API"]);
    const { services } = await snapshot(app.id);
    expect(services.map((s) => [s.serviceId, s.status, s.version]).sort()).toEqual(
      [
        [catalog.jobSync, "PROVISIONING_IN_PROGRESS", 0],
        [catalog.employerData, "PROVISIONING_IN_PROGRESS", 0],
      ].sort(),
    );
    const history = await listStatusHistory(owner, app.id);
    expect(history?.map((h) => [h.service.name, h.fromStatus, h.toStatus, h.note, h.actor?.name]).sort()).toEqual(
      [
        ["Employer Data API", null, "PROVISIONING_IN_PROGRESS", "Provisioned together with Job Sync API.", developer.name],
        ["Job Sync API", null, "PROVISIONING_IN_PROGRESS", "For our ATS.", developer.name],
      ].sort(),
    );
  });

  it("does not add Employer Data API again when the app already has it", async () => {
    const app = await appWith([[catalog.employerData, "NONE"]]);
    const result = await requestService(owner, { appId: app.id, serviceId: catalog.jobSync });
    expect(result.added).toEqual(["Job Sync API"]);
    expect(await current(app.id, catalog.employerData)).toEqual({ status: "NONE", version: 0 });
    expect((await snapshot(app.id)).history).toBe(1);
  });

  it("explains every option before anyone acts, with the same verdicts the server enforces", async () => {
    const app = await appWith([[catalog.xmlFeed, "NONE"]]);
    const options = await listRequestOptions(owner, app.id);
    const verdicts = Object.fromEntries(options!.map((o) => [o.name, o.verdict]));
    expect(Object.keys(verdicts).sort()).toEqual(["Disposition Sync API", "Employer Data API", "Job Sync API"]);
    expect(verdicts["Job Sync API"]).toEqual({ requestable: false, reason: "Not available for apps that use XML Job Feed." });
    expect(verdicts["Disposition Sync API"]).toMatchObject({ requestable: false, reason: expect.stringMatching(/^Requires Job Sync API/) });
    expect(verdicts["Employer Data API"]).toEqual({ requestable: true, alsoAdds: [] });

    const fresh = await listRequestOptions(owner, (await appWith()).id);
    expect(fresh!.find((o) => o.name === "Job Sync API")?.verdict).toEqual({
      requestable: true,
      alsoAdds: [{ id: catalog.employerData, name: "Employer Data API" }],
    });
  });

  it("refuses Disposition Sync API without Job Sync API, and changes nothing", async () => {
    const app = await appWith([[catalog.employerData, "NONE"]]);
    const before = await snapshot(app.id);
    const error = await refusal(requestService(owner, { appId: app.id, serviceId: catalog.dispositionSync }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Requires Job Sync API on this app first/);
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("allows Disposition Sync API once the app has Job Sync API", async () => {
    const app = await appWith([[catalog.jobSync, "APPROVED"]]);
    expect((await requestService(owner, { appId: app.id, serviceId: catalog.dispositionSync })).added).toEqual([
      "Disposition Sync API",
    ]);
  });

  it("refuses Job Sync API on an app with XML Job Feed, and changes nothing", async () => {
    const app = await appWith([[catalog.xmlFeed, "NONE"]]);
    await expectRefusedUnchanged(app.id, () => requestService(owner, { appId: app.id, serviceId: catalog.jobSync }), { code: "CONFLICT", message: "Not available for apps that use XML Job Feed." });
  });

  it("refuses XML Job Feed on an app with Job Sync API (the conflict goes both ways)", async () => {
    const app = await appWith([[catalog.jobSync, "PENDING_REVIEW"]]);
    await expectRefusedUnchanged(app.id, () => requestService(owner, { appId: app.id, serviceId: catalog.xmlFeed }), { code: "CONFLICT", message: "Not available for apps that use Job Sync API." });
  });

  it("refuses a service the app already has, and changes nothing", async () => {
    const app = await appWith([[catalog.employerData, "NONE"]]);
    await expectRefusedUnchanged(app.id, () => requestService(owner, { appId: app.id, serviceId: catalog.employerData }), { code: "CONFLICT", message: "The app already has this service." });
  });

  it("gives a viewer FORBIDDEN, and changes nothing", async () => {
    const app = await appWith();
    const error = await refusal(requestService(viewer, { appId: app.id, serviceId: catalog.employerData }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await snapshot(app.id)).toEqual({ services: [], history: 0 });
  });

  it("gives a member of another partner NOT_FOUND, exactly as for a missing app, and changes nothing", async () => {
    const app = await appWith();
    const error = await refusal(requestService(globexOwner, { appId: app.id, serviceId: catalog.employerData }));
    expect(error.code).toBe("NOT_FOUND");
    const missing = await refusal(requestService(globexOwner, { appId: crypto.randomUUID(), serviceId: catalog.employerData }));
    expect(missing).toMatchObject({ code: error.code, message: error.message });
    expect(await listRequestOptions(globexOwner, app.id)).toBeNull();
    expect(await listStatusHistory(globexOwner, app.id)).toBeNull();
    expect(await snapshot(app.id)).toEqual({ services: [], history: 0 });
  });

  it("treats malformed ids as not found without reaching the database", async () => {
    for (const id of ["", "nope", "1 OR 1=1", `${crypto.randomUUID()}'--`]) {
      expect((await refusal(requestService(owner, { appId: id, serviceId: catalog.jobSync }))).code).toBe("NOT_FOUND");
      expect((await refusal(requestService(owner, { appId: crypto.randomUUID(), serviceId: id }))).code).toBe("NOT_FOUND");
    }
  });
});

describe("moving a service through the lifecycle", () => {
  it("walks request → finish → request review → reject → resubmit → approve → remove, with a history row for each move in order", async () => {
    const app = await appWith();
    const appId = app.id;
    const serviceId = catalog.dispositionSync;
    await t.rows.appService(appId, catalog.jobSync, "APPROVED");
    await requestService(owner, { appId, serviceId, note: "Please." });
    const steps: [SessionUser, "finishProvisioning" | "requestReview" | "reject" | "resubmit" | "approve" | "remove", string | null, ProvisioningStatus | null][] = [
      [admin, "finishProvisioning", null, "PENDING_REVIEW"],
      [developer, "requestReview", null, "REVIEW_IN_PROGRESS"],
      [admin, "reject", "Missing salary information.", "REJECTED"],
      [owner, "resubmit", "Fixed.", "REVIEW_IN_PROGRESS"],
      [secondAdmin, "approve", null, "APPROVED"],
      [admin, "remove", "Partner asked us to.", null],
    ];
    for (const [version, [user, action, note, to]] of steps.entries()) {
      const moved = await moveService(user, { appId, serviceId, action, expectedVersion: version, note });
      expect(moved.to).toBe(to);
      if (to) expect(await current(appId, serviceId)).toEqual({ status: to, version: version + 1 });
    }
    expect(await current(appId, serviceId)).toBeNull();

    const history = (await listStatusHistory(viewer, appId))!.filter((h) => h.serviceId === serviceId).reverse();
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.note, h.actor?.name])).toEqual([
      [null, "PROVISIONING_IN_PROGRESS", "Please.", owner.name],
      ["PROVISIONING_IN_PROGRESS", "PENDING_REVIEW", null, admin.name],
      ["PENDING_REVIEW", "REVIEW_IN_PROGRESS", null, developer.name],
      ["REVIEW_IN_PROGRESS", "REJECTED", "Missing salary information.", admin.name],
      ["REJECTED", "REVIEW_IN_PROGRESS", "Fixed.", owner.name],
      ["REVIEW_IN_PROGRESS", "APPROVED", null, secondAdmin.name],
      ["APPROVED", null, "Partner asked us to.", admin.name],
    ]);
    const times = history.map((h) => h.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("finishes provisioning a service that needs no review as “None”", async () => {
    const app = await appWith([[catalog.employerData, "PROVISIONING_IN_PROGRESS"]]);
    const moved = await moveService(admin, { appId: app.id, serviceId: catalog.employerData, action: "finishProvisioning", expectedVersion: 0 });
    expect(moved).toEqual({ from: "PROVISIONING_IN_PROGRESS", to: "NONE" });
  });

  it("gives partners FORBIDDEN for every admin move, and changes nothing", async () => {
    const app = await appWith([
      [catalog.jobSync, "REVIEW_IN_PROGRESS"],
      [catalog.employerData, "PROVISIONING_IN_PROGRESS"],
    ]);
    const before = await snapshot(app.id);
    const attempts = [
      { serviceId: catalog.jobSync, action: "approve" },
      { serviceId: catalog.jobSync, action: "reject", note: "No." },
      { serviceId: catalog.jobSync, action: "remove", note: "Gone." },
      { serviceId: catalog.employerData, action: "finishProvisioning" },
    ] as const;
    for (const user of [owner, developer, viewer]) {
      for (const attempt of attempts) {
        const error = await refusal(moveService(user, { appId: app.id, expectedVersion: 0, ...attempt }));
        expect(error.code, `${user.role} ${attempt.action}`).toBe("FORBIDDEN");
      }
    }
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("gives a viewer FORBIDDEN for the partner moves too, and changes nothing", async () => {
    const app = await appWith([
      [catalog.jobSync, "PENDING_REVIEW"],
      [catalog.dispositionSync, "REJECTED"],
    ]);
    const before = await snapshot(app.id);
    expect((await refusal(moveService(viewer, { appId: app.id, serviceId: catalog.jobSync, action: "requestReview", expectedVersion: 0 }))).code).toBe("FORBIDDEN");
    expect((await refusal(moveService(viewer, { appId: app.id, serviceId: catalog.dispositionSync, action: "resubmit", expectedVersion: 0 }))).code).toBe("FORBIDDEN");
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("gives a member of another partner NOT_FOUND for moves, and changes nothing", async () => {
    const app = await appWith([[catalog.jobSync, "PENDING_REVIEW"]]);
    const before = await snapshot(app.id);
    const error = await refusal(moveService(globexOwner, { appId: app.id, serviceId: catalog.jobSync, action: "requestReview", expectedVersion: 0 }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("refuses a stale version with CONFLICT “changed meanwhile”, and changes nothing", async () => {
    const app = await appWith([[catalog.jobSync, "PENDING_REVIEW"]]);
    await moveService(owner, { appId: app.id, serviceId: catalog.jobSync, action: "requestReview", expectedVersion: 0 });
    const before = await snapshot(app.id);
    // The page still shows version 0: the same move again, and a move that now fits but was not seen.
    const again = await refusal(moveService(developer, { appId: app.id, serviceId: catalog.jobSync, action: "requestReview", expectedVersion: 0 }));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(CHANGED_MEANWHILE) });
    const unseen = await refusal(moveService(admin, { appId: app.id, serviceId: catalog.jobSync, action: "approve", expectedVersion: 0 }));
    expect(unseen).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(CHANGED_MEANWHILE) });
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("refuses a move that does not fit the current status, and one on a service no longer on the app", async () => {
    const app = await appWith([[catalog.jobSync, "APPROVED"]]);
    const before = await snapshot(app.id);
    const error = await refusal(moveService(admin, { appId: app.id, serviceId: catalog.jobSync, action: "approve", expectedVersion: 0 }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "“Approve” is not possible while the service is “Approved”." });
    const gone = await refusal(moveService(admin, { appId: app.id, serviceId: catalog.xmlFeed, action: "remove", expectedVersion: 0, note: "x" }));
    expect(gone.code).toBe("CONFLICT");
    expect(await snapshot(app.id)).toEqual(before);
  });

  it("requires a reason to reject or remove, and changes nothing without one", async () => {
    const app = await appWith([[catalog.jobSync, "REVIEW_IN_PROGRESS"]]);
    const before = await snapshot(app.id);
    for (const action of ["reject", "remove"] as const) {
      for (const note of [undefined, null, "", "   "]) {
        const error = await refusal(moveService(admin, { appId: app.id, serviceId: catalog.jobSync, action, expectedVersion: 0, note }));
        expect(error).toMatchObject({ code: "VALIDATION", message: "A reason is required." });
      }
    }
    expect(await snapshot(app.id)).toEqual(before);
  });
});

describe("concurrency", () => {
  it("lets exactly one of two admins win when they approve and reject the same service at once", async () => {
    for (let round = 0; round < 3; round++) {
      const app = await appWith([[catalog.jobSync, "REVIEW_IN_PROGRESS"]]);
      const move = { appId: app.id, serviceId: catalog.jobSync, expectedVersion: 0 };
      const results = await Promise.allSettled([
        moveService(admin, { ...move, action: "approve" }),
        moveService(secondAdmin, { ...move, action: "reject", note: "Not yet." }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(CHANGED_MEANWHILE) });
      const winner = (won[0] as PromiseFulfilledResult<{ to: ProvisioningStatus | null }>).value.to;
      expect(await current(app.id, catalog.jobSync)).toEqual({ status: winner, version: 1 });
      const history = await t.prisma.serviceStatusChange.findMany({ where: { appId: app.id }, select: { toStatus: true } });
      expect(history).toEqual([{ toStatus: winner }]);
    }
  });

  it("lets exactly one of two identical approvals win", async () => {
    const app = await appWith([[catalog.jobSync, "REVIEW_IN_PROGRESS"]]);
    const move = { appId: app.id, serviceId: catalog.jobSync, expectedVersion: 0, action: "approve" } as const;
    const results = await Promise.allSettled([moveService(admin, move), moveService(secondAdmin, move)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await t.prisma.serviceStatusChange.count({ where: { appId: app.id } })).toBe(1);
  });

  it("adds a service once when ten requests for it arrive at once", async () => {
    const app = await appWith();
    const users = [owner, developer];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => requestService(users[i % 2]!, { appId: app.id, serviceId: catalog.jobSync })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const { services, history } = await snapshot(app.id);
    expect(services.map((s) => s.serviceId).sort()).toEqual([catalog.jobSync, catalog.employerData].sort());
    expect(history).toBe(2);
  });
});

describe("unseen changes", () => {
  it("announces other people's changes on the user's apps until they are marked as seen", async () => {
    // A new user has seen everything up to their creation.
    const member = await t.rows.user("DEVELOPER", acme);
    const app = await appWith([[catalog.jobSync, "REVIEW_IN_PROGRESS"]]);
    await moveService(admin, { appId: app.id, serviceId: catalog.jobSync, action: "approve", expectedVersion: 0 });
    // The member's own moves are not news to them; another partner never hears of Acme's.
    await requestService(member, { appId: app.id, serviceId: catalog.dispositionSync });
    const unseen = await listUnseenChanges(member);
    expect(unseen.map((c) => [c.app.id, c.service.name, c.toStatus])).toEqual([[app.id, "Job Sync API", "APPROVED"]]);
    expect((await listUnseenChanges(globexOwner)).some((c) => c.app.id === app.id)).toBe(false);

    await markChangesSeen(member, unseen[0]!.createdAt);
    expect(await listUnseenChanges(member)).toEqual([]);
  });

  it("still announces a change once its author's account is deleted, newest first, and nothing to a user who sees no app", async () => {
    const member = await t.rows.user("DEVELOPER", acme);
    const app = await appWith([[catalog.jobSync, "REVIEW_IN_PROGRESS"]]);
    const leaving = await t.rows.user("ADMIN", null);
    await moveService(leaving, { appId: app.id, serviceId: catalog.jobSync, action: "approve", expectedVersion: 0 });
    await moveService(admin, { appId: app.id, serviceId: catalog.jobSync, action: "remove", expectedVersion: 1, note: "Retired" });
    await t.prisma.user.delete({ where: { id: leaving.id } });
    const unseen = await listUnseenChanges(member);
    expect(unseen.map((c) => [c.service.name, c.toStatus, c.note])).toEqual([
      ["Job Sync API", null, "Retired"],
      ["Job Sync API", "APPROVED", null],
    ]);
    expect(unseen[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(unseen[1]!.createdAt.getTime());
    expect(await listUnseenChanges({ ...member, partnerId: null })).toEqual([]);
  });
});
