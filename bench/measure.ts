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
 * The longest the event loop is held from now until `stop()`, in milliseconds: the event loop's active time
 * (`performance.eventLoopUtilization`) between two ticks of a 1 ms interval, so a step that runs for 80 ms, or a
 * collection that pauses it, shows as 80 ms. Active time rather than the gap between ticks: on two cores with a
 * worker busy on one, the system sometimes wakes the waiting thread tens of milliseconds late, and that is not the
 * thread being held.
 */
export function blockMeter(): { stop: () => number } {
  let last = performance.eventLoopUtilization();
  let longest = 0;
  const note = () => {
    const now = performance.eventLoopUtilization();
    longest = Math.max(longest, now.active - last.active);
    last = now;
  };
  const timer = setInterval(note, 1);
  return {
    stop: () => {
      clearInterval(timer);
      note();
      return longest;
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
