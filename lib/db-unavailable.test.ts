import { describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable } from "./db-unavailable";

// Shapes as the drivers produce them (captured from a PostgreSQL server behind a cut TCP proxy).
const prismaUnreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:54999"), {
  name: "PrismaClientKnownRequestError",
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54999 } } },
});
const rawQueryUnreachable = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
  name: "PrismaClientKnownRequestError",
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:54999"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable server through Prisma's wrapping, raw queries included", () => {
    expect(isDatabaseUnavailable(prismaUnreachable)).toBe(true);
    expect(isDatabaseUnavailable(rawQueryUnreachable)).toBe(true);
  });

  it("recognises the driver's own errors: refused, cut, pool timeout, server shutting down", () => {
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: refused }))).toBe(true);
  });

  it("leaves every other failure to be a bug: constraint violations, bad SQL, plain errors", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });

  it("does not loop on an error that wraps itself", () => {
    const error: Error & { cause?: unknown } = new Error("loop");
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("the outage log", () => {
  it("writes one warning for an outage, however many failures it has, and one line when it ends", async () => {
    const { noteDatabaseUnavailable, noteDatabaseAvailable, databaseOutageNoted } = await import("./db-unavailable");
    const lines: string[] = [];
    const warn = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const info = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      for (let i = 0; i < 20; i++) noteDatabaseUnavailable();
      noteDatabaseUnavailable("a pooled database connection ended");
      expect(databaseOutageNoted()).toBe(true);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", message: "the database is unavailable: answering 503 until it is back" });
      noteDatabaseAvailable();
      noteDatabaseAvailable();
      expect(databaseOutageNoted()).toBe(false);
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[1]!)).toMatchObject({ level: "info", message: "the database is available again" });
      noteDatabaseUnavailable("a pooled database connection ended");
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[2]!)).toMatchObject({ level: "warn", message: "a pooled database connection ended" });
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });
});
