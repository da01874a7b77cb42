// A database outage is a temporary condition, not a bug: the server cannot be reached, refuses or
// drops connections, is shutting down, or the pool waited too long for a connection. Every
// endpoint answers it with 503 and Retry-After in its own format, the log gets one warning line
// per outage (never a stack trace, never one line per request), and nothing is half-done because
// every write is one transaction. See docs/decisions/024.
import { log } from "./log";

/** What a 503 tells clients to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** Node's socket errors for a server that is not there or went away. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** The driver adapters' error kinds for the same (Prisma's DriverAdapterError causes). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma's codes: can't reach, timed out reaching, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** pg's own messages for a connection that broke or never came (they carry no code). */
const DRIVER_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /^Client has encountered a connection error/, /^Connection ended unexpectedly/];

/** SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down), 53300 (too many connections). */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

function causesOf(error: object): unknown[] {
  const e = error as { cause?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
  const next: unknown[] = [e.cause, e.meta?.driverAdapterError];
  if (Array.isArray(e.errors)) next.push(...e.errors);
  return next;
}

/** True when `error`, or anything it wraps, says the database is unreachable for now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== "object" || error === null) return false;
  const { code, kind, message } = error as { code?: unknown; kind?: unknown; message?: unknown };
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isUnavailableSqlState(code))) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return causesOf(error).some((cause) => isDatabaseUnavailable(cause, depth + 1));
}

// Per process, and only for the log and the proxy's quick check (proxy.ts): what the database
// holds never depends on it. An outage is "noted" from its first sign until the database answers
// again or nothing has failed for a while; within it, the log gets its first line only.
const QUIET_AFTER_MS = 30_000;
const state = globalThis as unknown as { __partnerConsoleOutage?: { since: number; lastSeen: number } };

/**
 * Records a sign that the database is unavailable (`what` becomes the log line): the first sign
 * of an outage writes one warning, the rest of it none.
 */
export function noteDatabaseUnavailable(what = "the database is unavailable: answering 503 until it is back", fields: Record<string, unknown> = {}): void {
  const now = Date.now();
  const outage = state.__partnerConsoleOutage;
  if (outage && now - outage.lastSeen < QUIET_AFTER_MS) {
    outage.lastSeen = now;
    return;
  }
  state.__partnerConsoleOutage = { since: now, lastSeen: now };
  log("warn", what, fields);
}

/** Records that the database answered, ending the outage the log announced. */
export function noteDatabaseAvailable(): void {
  const outage = state.__partnerConsoleOutage;
  if (!outage) return;
  state.__partnerConsoleOutage = undefined;
  log("info", "the database is available again", { outageMs: Date.now() - outage.since });
}

/** True while this process has recently seen the database unavailable and not seen it answer since. */
export function databaseOutageNoted(): boolean {
  const outage = state.__partnerConsoleOutage;
  return outage !== undefined && Date.now() - outage.lastSeen < QUIET_AFTER_MS;
}

/** The headers of every 503 for an outage. */
export const RETRY_AFTER = { "Retry-After": String(RETRY_AFTER_SECONDS) } as const;
