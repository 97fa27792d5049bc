/** Small measuring helpers shared by the benchmarks. */

/** How long a freshly started bot is left alone before its idle CPU and the burst are measured. */
export const SETTLE_MS = 3_000;

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50Ms: percentile(values, 50),
    p90Ms: percentile(values, 90),
    p99Ms: percentile(values, 99),
    maxMs: percentile(values, 100),
  };
}

/** user + system CPU of this process, in ms, since `since` (a process.cpuUsage() reading). */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const delta = process.cpuUsage(since);
  return (delta.user + delta.system) / 1000;
}

export interface RssSampler {
  /** Highest RSS seen since start, MB. */
  stop(): number;
}

/** Samples this process's RSS every `intervalMs` (for the peak during one phase of a run). */
export function sampleRss(intervalMs = 100): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 1_048_576;
    },
  };
}

/** Peak RSS of this process over its whole life, MB. */
export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Resolves when `condition()` holds, polling every `everyMs`; false at the timeout. */
export async function until(condition: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}

/** This process's CPU while it waits for nothing in particular, ms per second (timers, GC, loader threads). */
export async function idleCpuRate(durationMs = 2_000): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  return cpuMsSince(before) / (durationMs / 1000);
}
