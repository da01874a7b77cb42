// Readiness for load balancers: 200 only while this instance can serve, that is while the
// database answers quickly and its migrations are current; 503 with Retry-After otherwise.
// GET /api/health stays the liveness check (the process answers, nothing more).
import { readiness } from "@/lib/data/readiness";
import { RETRY_AFTER } from "@/lib/db-unavailable";

export const dynamic = "force-dynamic";

const MESSAGES = {
  database: "The database does not answer.",
  migrations: "The database's migrations are not current: run npm run db:migrate.",
} as const;

export async function GET(): Promise<Response> {
  const state = await readiness();
  if (state.ready) return Response.json({ status: "ready" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { status: "unavailable", reason: MESSAGES[state.reason] },
    { status: 503, headers: { "Cache-Control": "no-store", ...RETRY_AFTER } },
  );
}
