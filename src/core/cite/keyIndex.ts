/** What the key index needs of a paper (the library's papers are such). */
export interface KeyedPaper {
  readonly id: string;
  readonly citationKey?: string;
}

/**
 * The library's citation keys, for the lookups citing needs on every keystroke or pointer move: the papers a key
 * names (hover, Go to Definition, unknown-key warnings) and the keys that start with what is typed (completion).
 * Built once per library (a sort of its keys, about 50 ms at 100,000 papers) and then answered without scanning.
 */
export class CitationKeyIndex<P extends KeyedPaper> {
  private readonly byKey = new Map<string, P[]>();
  /** Keys folded to lower case, sorted, with the paper each belongs to at the same position. */
  private readonly folded: string[];
  private readonly owners: P[];

  constructor(papers: Iterable<P>) {
    const entries: [string, P][] = [];
    for (const paper of papers) {
      const key = paper.citationKey;
      if (key) {
        const same = this.byKey.get(key);
        if (same) {
          same.push(paper);
        } else {
          this.byKey.set(key, [paper]);
        }
        entries.push([key.toLowerCase(), paper]);
      }
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.folded = entries.map((e) => e[0]);
    this.owners = entries.map((e) => e[1]);
  }

  /** How many papers have a key. */
  get size(): number {
    return this.folded.length;
  }

  /**
   * The papers whose key is exactly `key` (BibTeX and biber compare keys as written; a key two files share names
   * both papers). Empty for an unknown key.
   */
  papersWithKey(key: string): readonly P[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every paper with a key, in key order (ignoring case), as the caller asks for them. */
  *inKeyOrder(): Generator<P, void, undefined> {
    yield* this.owners;
  }

  /** Papers whose key starts with `prefix`, ignoring case, in key order; at most `limit`. */
  withKeyPrefix(prefix: string, limit: number): P[] {
    const folded = prefix.toLowerCase();
    let low = 0;
    let high = this.folded.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.folded[middle] < folded) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const found: P[] = [];
    for (let i = low; i < this.folded.length && found.length < limit && this.folded[i].startsWith(folded); i++) {
      found.push(this.owners[i]);
    }
    return found;
  }
}
