/** `fn`, called once `delayMs` after the last of a burst of calls; `dispose()` drops a pending call. */
export function debounce(fn: () => void, delayMs: number): (() => void) & { dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, delayMs);
  };
  return Object.assign(debounced, { dispose: () => clearTimeout(timer) });
}
