import "server-only";
// The request records behind a credential's Integration health: one row per request to the
// partner token, browser token and GraphQL endpoints, with its outcome and the tracing headers
// SEEK's examples carry. Old rows are pruned by the writers themselves (docs/decisions/022).
import { insertSeekRequestRecord, pruneSeekRequestRecords, type SeekRequestRecordInput } from "./store";
import { logUnexpected } from "../../log";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "../../db-unavailable";

/** One write in this many also prunes, so pruning costs next to nothing per request. */
const PRUNE_EVERY = 500;

export interface TracingHeaders {
  userAgent: string | null;
  xRequestId: string | null;
  xSessionId: string | null;
}

function header(request: Request, name: string): string | null {
  return request.headers.get(name)?.trim() || null;
}

export function tracingHeaders(request: Request): TracingHeaders {
  return {
    userAgent: header(request, "user-agent"),
    xRequestId: header(request, "x-request-id"),
    xSessionId: header(request, "x-session-id"),
  };
}

/**
 * Writes the record of one request. A failed write is logged, never answered: the client's
 * request has been served either way.
 */
export async function recordRequest(record: SeekRequestRecordInput, route: string): Promise<void> {
  try {
    await insertSeekRequestRecord(record);
    if (Math.random() * PRUNE_EVERY < 1) await pruneSeekRequestRecords(record.at);
  } catch (error) {
    // An outage is logged once for the instance (docs/decisions/024), not once per record.
    if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
    else logUnexpected(error, { route, step: "record the request" });
  }
}
