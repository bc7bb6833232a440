import type { Paper, PaperLookup } from '../model/paper';
import { StringHashTable } from '../util/stringHashTable';

/** Papers hashed between two yields of `PapersById.buildSteps`. */
const STEP = 5_000;

/**
 * The papers of a library by id (`Library.byId`), in a `StringHashTable`: at 300,000 papers a `Map` of them cost
 * 11 MB and 130 ms to build, this 10 MB less and a fifth of the time. Ids are unique in a library.
 */
export class PapersById extends StringHashTable implements PaperLookup {
  private constructor(private readonly papers: readonly Paper[]) {
    super(papers.length);
  }

  /** The table of `papers`, a few thousand papers a step. */
  static *buildSteps(papers: readonly Paper[]): Generator<void, PapersById> {
    const table = new PapersById(papers);
    for (let i = 0; i < papers.length; i++) {
      table.add(0, papers[i].id, i);
      if (i % STEP === STEP - 1) {
        yield;
      }
    }
    return table;
  }

  get size(): number {
    return this.papers.length;
  }

  get(id: string): Paper | undefined {
    const i = this.findNumber(0, id);
    return i < 0 ? undefined : this.papers[i];
  }

  has(id: string): boolean {
    return this.findNumber(0, id) >= 0;
  }

  protected keyOf(i: number): string {
    return this.papers[i].id;
  }
}
