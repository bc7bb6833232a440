import type { Paper } from '../model/paper';
import { runSteps } from '../util/steps';

/** Papers read between two yields of `PaperColumns.prepareSteps`: a few milliseconds at 300,000 papers. */
const STEP = 5_000;

/**
 * What the `year:`, `upvotes:` and `has:code` filters and the order of a query of filters only read of each paper,
 * in typed arrays by the paper's place in the library, each made at its first use or ahead in steps
 * (`prepareSteps`). Those read every paper: at 300,000 papers, following each paper object and its date, strewn
 * over the heap, was a cache miss a paper and most of such a query's time; an array of numbers read in order is not.
 */
export class PaperColumns {
  private yearColumn: Float64Array | undefined;
  private upvoteColumn: Float64Array | undefined;
  private codeColumn: Uint8Array | undefined;
  private newestColumn: Float64Array | undefined;

  constructor(private readonly papers: readonly Paper[]) {}

  /** Each paper's year; NaN for a paper without a date. */
  get years(): Float64Array {
    return (this.yearColumn ??= runSteps(this.yearSteps()));
  }

  /** Each paper's upvotes; 0 where it has none. */
  get upvotes(): Float64Array {
    return (this.upvoteColumn ??= runSteps(this.upvoteSteps()));
  }

  /** 1 for a paper with code, else 0. */
  get hasCode(): Uint8Array {
    return (this.codeColumn ??= runSteps(this.codeSteps()));
  }

  /**
   * Each paper's rank in a query of filters only, highest first: newest first (a paper without a date before
   * all), then most upvoted (up to 99).
   */
  get newest(): Float64Array {
    return (this.newestColumn ??= runSteps(this.newestSteps()));
  }

  /** Makes every column not made yet, a few thousand papers a step, so that no first query has to. */
  *prepareSteps(): Generator<void, void> {
    this.yearColumn ??= yield* this.yearSteps();
    this.upvoteColumn ??= yield* this.upvoteSteps();
    this.codeColumn ??= yield* this.codeSteps();
    this.newestColumn ??= yield* this.newestSteps();
  }

  private yearSteps(): Generator<void, Float64Array> {
    return this.columnSteps(Float64Array, (p) => p.date?.year ?? NaN);
  }

  private upvoteSteps(): Generator<void, Float64Array> {
    return this.columnSteps(Float64Array, (p) => p.upvotes ?? 0);
  }

  private codeSteps(): Generator<void, Uint8Array> {
    return this.columnSteps(Uint8Array, (p) => (p.hasCode ? 1 : 0));
  }

  private newestSteps(): Generator<void, Float64Array> {
    return this.columnSteps(
      Float64Array,
      (p) =>
        (p.date?.year ?? 9999) * 1e6 +
        (p.date ? p.date.month * 100 + p.date.day : 0) * 1e2 +
        Math.min(p.upvotes ?? 0, 99),
    );
  }

  private *columnSteps<T extends Float64Array | Uint8Array>(
    type: new (length: number) => T,
    value: (paper: Paper) => number,
  ): Generator<void, T> {
    const column = new type(this.papers.length);
    for (let doc = 0; doc < this.papers.length; doc++) {
      column[doc] = value(this.papers[doc]);
      if (doc % STEP === STEP - 1) {
        yield;
      }
    }
    return column;
  }
}
