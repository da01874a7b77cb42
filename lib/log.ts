// Structured one-line JSON logs. Never pass secrets, passwords or tokens here.

type Level = "debug" | "info" | "warn" | "error";

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** Logs an unexpected error with a fresh id and returns the id, to show the user instead. */
export function logUnexpected(error: unknown, context: Record<string, unknown> = {}): string {
  // The global Web Crypto, not node:crypto: the proxy and the instrumentation hook import this
  // module, and Next.js also compiles them for the Edge runtime, which has no node: modules.
  const id = crypto.randomUUID();
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  log("error", "unexpected error", { errorId: id, ...context, error: err });
  return id;
}
