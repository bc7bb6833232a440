/**
 * Long work written as a generator that yields between steps, so that one
 * piece of code serves a caller that wants the result at once and one that
 * must not hold up the event loop (the extension host) for long.
 */

/** Shaped like `vscode.CancellationToken`, so that the pure core needs no `vscode`. */
export interface CancellationFlag {
  readonly isCancellationRequested: boolean;
}

/** Steps run back to back before yielding to the event loop, so that small steps do not each pay for a turn of it. */
const SLICE_MS = 5;

/** Runs a step generator to its end, synchronously. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

/** Runs a step generator, yielding to the event loop every `SLICE_MS` or so; undefined if cancelled. */
export function runStepsAsync<T>(steps: Generator<void, T>): Promise<T>;
export function runStepsAsync<T>(
  steps: Generator<void, T>,
  token: CancellationFlag | undefined,
): Promise<T | undefined>;
export async function runStepsAsync<T>(steps: Generator<void, T>, token?: CancellationFlag): Promise<T | undefined> {
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    do {
      if (token?.isCancellationRequested) {
        return undefined;
      }
      const step = steps.next();
      if (step.done) {
        return step.value;
      }
    } while (performance.now() < sliceEnd);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Elements a sort moves between two yields of `sortSteps`. */
const SORT_STEP = 20_000;

/**
 * `items` sorted by `compare` (stable), as steps: a bottom-up merge sort that yields every few thousand moves, where
 * `Array.prototype.sort` of hundreds of thousands of items would be one step of a few hundred milliseconds.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let from = [...items];
  let to = new Array<T>(from.length);
  let moved = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let left = start;
      let right = middle;
      for (let k = start; k < end; k++) {
        to[k] = left < middle && (right >= end || compare(from[right], from[left]) >= 0) ? from[left++] : from[right++];
      }
      moved += end - start;
      if (moved >= SORT_STEP) {
        moved = 0;
        yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Tells a step generator when to yield, counting work across loops: a loop over files that counted each file's
 * entries on its own would take many small files in one step. `if (counter.count()) yield;` after each item.
 */
export class StepCounter {
  private counted = 0;

  /** `size`: the work of one step, in the units `count` is given. */
  constructor(private readonly size: number) {}

  /** Counts `work` units done (one item by default); true once a step's worth has been counted since the last true. */
  count(work = 1): boolean {
    this.counted += work;
    if (this.counted < this.size) {
      return false;
    }
    this.counted = 0;
    return true;
  }
}
