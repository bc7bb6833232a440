/**
 * The index's terms by id, packed into one string and the offsets where each
 * ends. A list of 250,000 separate strings (at 100,000 abstracts) would be
 * 250,000 more objects for every full garbage collection in the extension
 * host to mark, and loading the cache would allocate every one of them.
 */
export class TermList {
  private constructor(
    /** Every term, one after another. */
    readonly text: string,
    /** Term id → where it ends in `text` (it starts where the one before it ends). */
    readonly ends: Uint32Array,
  ) {}

  static from(terms: readonly string[]): TermList {
    const ends = new Uint32Array(terms.length);
    let end = 0;
    for (let id = 0; id < terms.length; id++) {
      end += terms[id].length;
      ends[id] = end;
    }
    return new TermList(terms.join(''), ends);
  }

  /**
   * The list that `text` and `ends` make (as `from` made them), or undefined if they do not add up; checked
   * `sliceSize` ends a step, so that the hundreds of thousands of a large index are not one long step.
   */
  static *ofSteps(text: string, ends: Uint32Array, sliceSize = 1 << 16): Generator<void, TermList | undefined> {
    for (let start = 0; start < ends.length; start += sliceSize) {
      if (!rising(ends, start, Math.min(start + sliceSize, ends.length))) {
        return undefined;
      }
      yield;
    }
    return (ends.length > 0 ? ends[ends.length - 1] : 0) === text.length ? new TermList(text, ends) : undefined;
  }

  get length(): number {
    return this.ends.length;
  }

  get(id: number): string {
    return this.text.slice(this.start(id), this.ends[id]);
  }

  /** Orders two terms as comparing their strings would (by UTF-16 code units), without making them. */
  compare(a: number, b: number): number {
    const { text, ends } = this;
    const aEnd = ends[a];
    const bEnd = ends[b];
    for (let i = this.start(a), j = this.start(b); i < aEnd && j < bEnd; i++, j++) {
      const difference = text.charCodeAt(i) - text.charCodeAt(j);
      if (difference !== 0) {
        return difference < 0 ? -1 : 1;
      }
    }
    const difference = aEnd - this.start(a) - (bEnd - this.start(b));
    return difference < 0 ? -1 : difference > 0 ? 1 : 0;
  }

  private start(id: number): number {
    return id === 0 ? 0 : this.ends[id - 1];
  }
}

/** Whether `array[start..end)` never goes down, from the element before `start` (or from 0); a plain function, which V8 compiles better than a loop inside a generator. */
export function rising(array: Uint32Array, start: number, end: number): boolean {
  let previous = start === 0 ? 0 : array[start - 1];
  for (let i = start; i < end; i++) {
    if (array[i] < previous) {
      return false;
    }
    previous = array[i];
  }
  return true;
}
