import type { IndexedCounts, PaperIndex } from '../search/engine';
import type { Library } from '../model/paper';

/** A complete, consistent state: the library and the index built from it. */
export interface LibrarySnapshot {
  readonly library: Library;
  readonly index: PaperIndex;
  /** Readable collection names by collection id. */
  readonly collectionNames: ReadonlyMap<string, string>;
  /** Files this load read, and files it took unchanged from the previous one or from their kept records. */
  readonly files: { readonly read: number; readonly unchanged: number };
  /** Whether this load replayed the plan of an earlier merge of the same files (`MergePlan`) rather than merging. */
  readonly mergeReplayed: boolean;
  /** Papers this load tokenized, and papers whose postings it carried over from the previous index; none of either when the index came from the cache. */
  readonly indexed: IndexedCounts;
}
