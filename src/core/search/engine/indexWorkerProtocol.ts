import type { IndexedText } from './indexCache';

/** What an update sends the worker first: the previous index and where each paper's unchanged postings are in it. */
export interface WorkerUpdate {
  readonly previous: Uint8Array;
  readonly previousKey: string;
  /** Per paper of the new library, its document in the previous index, or -1 for a new or edited paper. */
  readonly from: Int32Array;
}

/**
 * To the index worker. An update opens with a `WorkerUpdate`; then, as for a
 * build, the papers in library order and that there are no more.
 */
export type IndexWorkerRequest = WorkerUpdate | { readonly papers: readonly IndexedText[] } | { readonly finish: true };

/** From the index worker: how many papers it has indexed so far, or the finished index as cache bytes and the key it digested from the papers it was sent. */
export type IndexWorkerReply = { readonly indexed: number } | { readonly cache: Uint8Array; readonly key: string };
