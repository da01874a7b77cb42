import "server-only";
// What the dashboard shows, JSON-ready: the server component renders it first and the
// GET /api/console/dashboard… route handlers serve the same shapes to the polling client.
import type { SessionUser } from "@/lib/auth/session";
import { listDashboardApps } from "@/lib/data/dashboard";
import { listUnseenChanges } from "@/lib/data/provisioning";
import type { DashboardQuery } from "./dashboard-query";

export async function loadDashboardView(user: SessionUser, query: DashboardQuery) {
  const result = await listDashboardApps(user, query);
  return {
    asOf: new Date().toISOString(),
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
    search: result.search,
    grouped: result.grouped,
    // Only what a card shows: the page hands this to the browser, once in the HTML's payload and
    // again on every poll (docs/decisions/035).
    apps: result.apps.map((app) => ({
      id: app.id,
      name: app.name,
      description: app.description,
      provider: app.provider,
      partner: { name: app.partner.name },
      services: app.services.map((s) => ({ id: s.id, status: s.status, service: { name: s.service.name } })),
    })),
  };
}

/** Status changes on the user's apps since they last marked them as seen, newest first. */
export async function loadUnseenChanges(user: SessionUser) {
  const changes = await listUnseenChanges(user);
  return {
    asOf: new Date().toISOString(),
    changes: changes.map((c) => ({
      id: c.id,
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      note: c.note,
      at: c.createdAt.toISOString(),
      app: c.app,
      serviceName: c.service.name,
    })),
  };
}

export type DashboardView = Awaited<ReturnType<typeof loadDashboardView>>;
export type UnseenChanges = Awaited<ReturnType<typeof loadUnseenChanges>>;
