// The services tab's one statement against what the rows hold, read back through Prisma: the
// header's fields, timestamps to the millisecond, a history row whose author was deleted, and the
// tenant filter. (Order and the catalog's rules: apps.int.test.ts and provisioning.int.test.ts,
// through listAppServices, listStatusHistory and listRequestOptions.)
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type People } from "../testing/database";
import { readServicesTab } from "./services-tab";

const t = useTestDatabase();

let people: People;
let appId: string;
const changedAt = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));

beforeAll(async () => {
  const acme = await t.rows.partner("Acme Tab");
  const globex = await t.rows.partner("Globex Tab");
  people = await t.rows.people(acme, globex);
  appId = (await t.rows.app(acme.id, "Tab app", { description: "What the header shows." })).id;
  const service = await t.rows.service({ name: "Tab Service" });
  await t.rows.appService(appId, service.id, "APPROVED", changedAt);
  const gone = await t.rows.user("ADMIN", null);
  await t.prisma.serviceStatusChange.createMany({
    data: [
      { appId, serviceId: service.id, actorId: people.acmeOwner.id, fromStatus: null, toStatus: "PROVISIONING_IN_PROGRESS", note: "Please.", createdAt: new Date(changedAt.getTime() - 1) },
      { appId, serviceId: service.id, actorId: gone.id, fromStatus: "PROVISIONING_IN_PROGRESS", toStatus: "APPROVED", createdAt: changedAt },
    ],
  });
  await t.prisma.user.delete({ where: { id: gone.id } });
});

describe("readServicesTab", () => {
  it("reads the header's fields, the services and the history as the rows hold them", async () => {
    const tab = await readServicesTab(people.acmeViewer, appId);
    const stored = await t.prisma.app.findUniqueOrThrow({
      where: { id: appId },
      select: {
        id: true,
        name: true,
        description: true,
        provider: true,
        credentialType: true,
        partner: { select: { name: true } },
        services: { select: { id: true, status: true, version: true, statusChangedAt: true } },
      },
    });
    const { services, ...header } = stored;
    expect(tab?.app).toEqual({ ...header, _count: { services: 1 } });
    expect(tab?.services.map(({ service, ...s }) => ({ ...s, name: service.name }))).toEqual([{ ...services[0], name: "Tab Service" }]);
    expect(tab?.services[0]?.statusChangedAt.getTime()).toBe(changedAt.getTime());
    expect(tab?.history.map((h) => [h.toStatus, h.createdAt.getTime(), h.actor, h.note, h.service.name])).toEqual([
      ["APPROVED", changedAt.getTime(), null, null, "Tab Service"],
      ["PROVISIONING_IN_PROGRESS", changedAt.getTime() - 1, { name: people.acmeOwner.name, role: "OWNER" }, "Please.", "Tab Service"],
    ]);
  });

  it("is null for another partner's app, a missing one and a malformed id; an admin reads any", async () => {
    expect(await readServicesTab(people.globexOwner, appId)).toBeNull();
    expect(await readServicesTab(people.acmeOwner, randomUUID())).toBeNull();
    expect(await readServicesTab(people.acmeOwner, "not-a-uuid")).toBeNull();
    expect((await readServicesTab(people.admin, appId))?.app.id).toBe(appId);
  });
});
