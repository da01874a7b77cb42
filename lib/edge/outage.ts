// The proxy's part in a database outage (docs/decisions/024): once this instance has noted one,
// console pages get the outage page instead of a render that would fail, until this instance's
// own readiness check (GET /api/ready, which notes the database back) says it answers again.
// Nothing is probed while no outage is noted, and at most one probe runs every two seconds.
import { databaseOutageNoted } from "../db-unavailable";
import { env } from "../env";

const PROBE_EVERY_MS = 2_000;
const PROBE_TIMEOUT_MS = 3_000;

const state = globalThis as unknown as { __partnerConsoleOutageProbe?: { at: number; down: boolean; pending?: Promise<boolean> } };

async function probe(): Promise<boolean> {
  try {
    // This instance itself, on loopback: behind a load balancer the public URL may be another one.
    const ready = await fetch(`http://127.0.0.1:${env().PORT}/api/ready`, { cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return ready.status === 503;
  } catch {
    return true;
  }
}

/** True while a noted outage goes on (the readiness check still fails). */
export async function databaseStillUnavailable(): Promise<boolean> {
  if (!databaseOutageNoted()) return false;
  const last = state.__partnerConsoleOutageProbe;
  if (last?.pending) return last.pending;
  if (last && Date.now() - last.at < PROBE_EVERY_MS) return last.down;
  const pending = probe();
  state.__partnerConsoleOutageProbe = { at: Date.now(), down: last?.down ?? true, pending };
  const down = await pending;
  state.__partnerConsoleOutageProbe = { at: Date.now(), down };
  return down;
}
