/** What the key index needs of a paper (the library's papers are such). */
export interface KeyedPaper {
  readonly id: string;
  readonly citationKey?: string;
}

/** Keys folded to lower case with their papers, sorted by the folded key once first asked. */
interface Bucket<P> {
  folded: string[];
  owners: P[];
  sorted: boolean;
}

/** Keys are bucketed by their first two letters: a prefix lookup sorts only the buckets it reads. */
const BUCKET_PREFIX = 2;

/**
 * The library's citation keys, for the lookups citing needs on every keystroke or pointer move: the papers a key
 * names (hover, Go to Definition, unknown-key warnings) and the keys that start with what is typed (completion).
 * Built in one pass over the papers; there is no sort of every key up front (about 60 ms at 100,000 papers, in one
 * block), only of the few buckets a lookup reads, the first time it reads them.
 */
export class CitationKeyIndex<P extends KeyedPaper> {
  private readonly byKey = new Map<string, P[]>();
  private readonly buckets = new Map<string, Bucket<P>>();
  private bucketNames: string[] | undefined;

  constructor(papers: Iterable<P>) {
    for (const paper of papers) {
      const key = paper.citationKey;
      if (!key) {
        continue;
      }
      const same = this.byKey.get(key);
      if (same) {
        same.push(paper);
      } else {
        this.byKey.set(key, [paper]);
      }
      const folded = key.toLowerCase();
      const name = folded.slice(0, BUCKET_PREFIX);
      let bucket = this.buckets.get(name);
      if (!bucket) {
        bucket = { folded: [], owners: [], sorted: false };
        this.buckets.set(name, bucket);
      }
      bucket.folded.push(folded);
      bucket.owners.push(paper);
    }
  }

  /**
   * The papers whose key is exactly `key` (BibTeX and biber compare keys as written; a key two files share names
   * both papers). Empty for an unknown key.
   */
  papersWithKey(key: string): readonly P[] {
    return this.byKey.get(key) ?? [];
  }

  /** Papers whose key starts with `prefix`, ignoring case, in key order; at most `limit`. */
  withKeyPrefix(prefix: string, limit: number): P[] {
    const folded = prefix.toLowerCase();
    const found: P[] = [];
    const names =
      folded.length >= BUCKET_PREFIX
        ? [folded.slice(0, BUCKET_PREFIX)]
        : this.sortedBucketNames().filter((name) => name.startsWith(folded));
    for (const name of names) {
      const bucket = this.buckets.get(name);
      if (!bucket || found.length >= limit) {
        continue;
      }
      sortBucket(bucket);
      for (let i = lowerBound(bucket.folded, folded); i < bucket.folded.length && found.length < limit; i++) {
        if (!bucket.folded[i].startsWith(folded)) {
          break;
        }
        found.push(bucket.owners[i]);
      }
    }
    return found;
  }

  private sortedBucketNames(): string[] {
    return (this.bucketNames ??= [...this.buckets.keys()].sort());
  }
}

function sortBucket<P>(bucket: Bucket<P>): void {
  if (bucket.sorted) {
    return;
  }
  const order = bucket.folded.map((_, i) => i).sort((a, b) => compare(bucket.folded[a], bucket.folded[b]));
  const { folded, owners } = bucket;
  bucket.folded = order.map((i) => folded[i]);
  bucket.owners = order.map((i) => owners[i]);
  bucket.sorted = true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position in sorted `values` whose value is not below `value`. */
function lowerBound(values: readonly string[], value: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
