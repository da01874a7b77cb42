import "server-only";
// Integration health of a SEEK app: the latest requests the SEEK emulator recorded for it
// (SeekRequestRecord), which of them failed and why, and whether the client sends the tracing
// headers SEEK's examples carry (User-Agent, X-Request-Id, X-Session-Id). Another partner's
// app is "not found", like a missing one.
import { db } from "../db";
import { isUuid } from "../ids";
import { visibleApps } from "./apps";
import type { SessionUser } from "./users";

export const HEALTH_RECENT_REQUESTS = 50;

export async function getSeekIntegrationHealth(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, { provider: "SEEK" }, visibleApps(user)] },
    select: {
      seekRequests: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HEALTH_RECENT_REQUESTS,
        select: {
          id: true,
          createdAt: true,
          endpoint: true,
          environment: true,
          httpStatus: true,
          errorCode: true,
          errorMessage: true,
          operationName: true,
          userAgent: true,
          xRequestId: true,
          xSessionId: true,
        },
      },
    },
  });
  if (!app) return null;
  const requests = app.seekRequests;
  const count = (predicate: (r: (typeof requests)[number]) => boolean) => requests.filter(predicate).length;
  const failures = requests.filter((r) => r.errorCode !== null || r.httpStatus >= 400);
  return {
    requests,
    summary: {
      total: requests.length,
      failed: failures.length,
      withUserAgent: count((r) => Boolean(r.userAgent)),
      withRequestId: count((r) => Boolean(r.xRequestId)),
      withSessionId: count((r) => Boolean(r.xSessionId)),
    },
  };
}

export type SeekIntegrationHealth = NonNullable<Awaited<ReturnType<typeof getSeekIntegrationHealth>>>;
