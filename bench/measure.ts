/** How the benchmark measures: memory, latency percentiles, and the longest the event loop is held. */

/** A full collection, with `--expose-gc` (which `npm run bench` passes); nothing without it. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** JS heap plus typed-array buffers (which live outside the heap but are memory all the same), after a collection. */
export function heapBytes(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** The median, 95th percentile and largest of some times, in their unit. */
export function latencyOf(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/**
 * The latency of each class of queries, in ms: every query run once first (V8 compiles the search while the first
 * queries run, and every keystroke after the first few meets a compiled search), then each `repeats` times.
 */
export function queryLatency(
  classes: Readonly<Record<string, readonly string[]>>,
  search: (query: string) => unknown,
  repeats: number,
): Record<string, Latency> {
  for (const queries of Object.values(classes)) {
    queries.forEach((query) => search(query));
  }
  const latency: Record<string, Latency> = {};
  for (const [name, queries] of Object.entries(classes)) {
    const times: number[] = [];
    for (const query of queries) {
      for (let r = 0; r < repeats; r++) {
        const started = performance.now();
        search(query);
        times.push(performance.now() - started);
      }
    }
    latency[name] = latencyOf(times);
  }
  return latency;
}

/**
 * The longest the event loop is held from now until `stop()`, in milliseconds: a 1 ms interval notes each gap
 * between its ticks, so a step that blocks for 80 ms shows as a gap of about 80 ms.
 */
export function blockMeter(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/**
 * The longest the event loop was held up while `work` ran (`blockMeter`). A full collection runs first, so
 * garbage left by earlier measurements is not counted against this one.
 */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  gc();
  const meter = blockMeter();
  await work();
  return meter.stop();
}
