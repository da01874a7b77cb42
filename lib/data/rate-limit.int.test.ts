// The shared RateLimit counters: ended windows are swept, and sweeping changes no answer.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../testing/database";
import { hit, isLimited, storedKey, sweepEnded } from "./rate-limit";

const t = useTestDatabase();

const LIMIT = { max: 2, windowSeconds: 60 };
const MINUTE = 60_000;

async function counter(key: string, windowStart: Date, count = 5) {
  await t.prisma.rateLimit.create({ data: { key: storedKey(key), count, windowStart } });
}

async function keysLeft(...keys: string[]) {
  const rows = await t.prisma.rateLimit.findMany({ where: { key: { in: keys.map(storedKey) } }, select: { key: true } });
  return keys.filter((key) => rows.some((row) => row.key === storedKey(key)));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("sweeping rate-limit counters", () => {
  it("deletes the counters whose window started before the bound, and only those", async () => {
    const now = Date.now();
    await counter("sweep:old", new Date(now - 3 * 60 * MINUTE));
    await counter("sweep:edge", new Date(now - 60 * MINUTE));
    await counter("sweep:recent", new Date(now - 5 * MINUTE));
    expect(await sweepEnded(new Date(now - 60 * MINUTE))).toBeGreaterThanOrEqual(1);
    expect(await keysLeft("sweep:old", "sweep:edge", "sweep:recent")).toEqual(["sweep:edge", "sweep:recent"]);
  });

  it("changes no answer: a swept key is as unlimited as one never seen, and counts from one", async () => {
    const now = new Date();
    await counter("sweep:answer", new Date(now.getTime() - 2 * 60 * MINUTE));
    expect(await isLimited("sweep:answer", LIMIT, now)).toEqual({ limited: false });
    await sweepEnded(new Date(now.getTime() - 60 * MINUTE));
    expect(await isLimited("sweep:answer", LIMIT, now)).toEqual({ limited: false });
    expect((await hit("sweep:answer", LIMIT, now)).count).toBe(1);
  });

  it("runs within a hit at most once a minute per process, by the real clock", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * MINUTE);
    const now = Date.now();
    await counter("sweep:first", new Date(now - 2 * 60 * MINUTE));
    await hit("sweep:someone", LIMIT);
    expect(await keysLeft("sweep:first")).toEqual([]);
    // Within the minute, a hit sweeps nothing more.
    await counter("sweep:second", new Date(now - 2 * 60 * MINUTE));
    vi.setSystemTime(now + 30_000);
    await hit("sweep:someone", LIMIT);
    expect(await keysLeft("sweep:second")).toEqual(["sweep:second"]);
    vi.setSystemTime(now + MINUTE);
    await hit("sweep:someone", LIMIT);
    expect(await keysLeft("sweep:second")).toEqual([]);
  });

  it("refuses a limit whose window would outlast its counter", async () => {
    await expect(hit("sweep:long", { max: 1, windowSeconds: 2 * 60 * 60 })).rejects.toThrow(/shorter than 60 minutes/);
  });
});
