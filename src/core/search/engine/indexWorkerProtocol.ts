import type { IndexedText } from './indexCache';

/** What an update sends the worker first: the previous index and where each paper's unchanged postings are in it. */
export interface WorkerUpdate {
  readonly previous: Uint8Array;
  readonly previousKey: string;
  /** Per paper of the new library, its document in the previous index, or -1 for a new or edited paper. */
  readonly from: Int32Array;
}

/**
 * To the index worker. For a library with a key of its own (`Library.key`), that key comes first: the cache is keyed
 * by it, and the papers are not digested. An update then opens with a `WorkerUpdate`; then, as for a build, the
 * papers in library order and that there are no more.
 */
export type IndexWorkerRequest =
  | { readonly libraryKey: string }
  | WorkerUpdate
  | { readonly papers: readonly IndexedText[] }
  | { readonly finish: true };

/** From the index worker: how many papers it has indexed so far, or the finished index as cache bytes and its cache key. */
export type IndexWorkerReply = { readonly indexed: number } | { readonly cache: Uint8Array; readonly key: string };
