// Loading one URL with autocannon: a warm-up first (compilation, caches, connection pools), then
// the measured run, with the CPU time the server's whole process tree spent per request.
import autocannon, { type Options, type Result } from "autocannon";
import { cpuTimeMs } from "./server";

export interface Load {
  result: Result;
  /** Server CPU time (whole process tree) per request during the measured run. */
  cpuMsPerRequest: number;
}

export async function measureLoad(
  options: Omit<Options, "connections" | "duration">,
  config: { BENCH_CONNECTIONS: number; BENCH_WARMUP: number; BENCH_DURATION: number },
  serverPid: number,
): Promise<Load> {
  const withConnections = { ...options, connections: config.BENCH_CONNECTIONS };
  if (config.BENCH_WARMUP > 0) await autocannon({ ...withConnections, duration: config.BENCH_WARMUP });
  const cpuBefore = cpuTimeMs(serverPid);
  const result = await autocannon({ ...withConnections, duration: config.BENCH_DURATION });
  const cpuMsPerRequest = (cpuTimeMs(serverPid) - cpuBefore) / Math.max(1, result.requests.total);
  return { result, cpuMsPerRequest };
}
