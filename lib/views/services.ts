import "server-only";
// What the services tab shows, in one JSON-ready shape: the server component renders it first,
// and GET /api/console/apps/[appId]/services serves the same thing to the polling client.
import type { SessionUser } from "@/lib/auth/session";
import { readServicesTab, type ServicesTab } from "@/lib/data/services-tab";

/** The services on the app (with their timelines), those since removed, and what can be requested. Null when the app is not visible. */
export async function loadServicesView(user: SessionUser, appId: string) {
  const tab = await readServicesTab(user, appId);
  return tab ? servicesView(tab) : null;
}

/** The view of a tab already read (the page reads it once, for its header too). */
export function servicesView({ services, history, options }: ServicesTab) {
  const changes = history.map((h) => ({
    id: h.id,
    serviceId: h.serviceId,
    serviceName: h.service.name,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    note: h.note,
    at: h.createdAt.toISOString(),
    actor: h.actor ? { name: h.actor.name, role: h.actor.role } : null,
  }));
  const timelineOf = (serviceId: string) => changes.filter((c) => c.serviceId === serviceId);
  const onApp = new Set(services.map((s) => s.service.id));
  const removed = [...new Set(changes.filter((c) => !onApp.has(c.serviceId)).map((c) => c.serviceId))].map((serviceId) => {
    const timeline = timelineOf(serviceId);
    return { serviceId, name: timeline[0]!.serviceName, timeline };
  });

  return {
    asOf: new Date().toISOString(),
    services: services.map((s) => {
      const timeline = timelineOf(s.service.id);
      return {
        id: s.id,
        status: s.status,
        version: s.version,
        statusChangedAt: s.statusChangedAt.toISOString(),
        service: s.service,
        timeline,
        // The newest history row is the one that made it "Rejected": its note is the reason.
        rejection: s.status === "REJECTED" ? (timeline.find((c) => c.toStatus === "REJECTED") ?? null) : null,
      };
    }),
    removed,
    options: options.map((o) => ({
      id: o.id,
      name: o.name,
      description: o.description,
      reviewRequired: o.reviewRequired,
      verdict: o.verdict,
    })),
  };
}

export type ServicesView = ReturnType<typeof servicesView>;
export type ServiceOnApp = ServicesView["services"][number];
export type StatusChange = ServiceOnApp["timeline"][number];
export type RequestOption = ServicesView["options"][number];
