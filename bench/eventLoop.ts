/**
 * The longest the event loop was held up while `work` ran, in milliseconds: a 1 ms interval notes each gap
 * between its ticks, so a step that blocks for 80 ms shows as a gap of about 80 ms. A full collection runs first
 * (with `--expose-gc`), so garbage left by earlier measurements is not counted against this one.
 */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  clearInterval(timer);
  return Math.max(longest, performance.now() - last);
}
