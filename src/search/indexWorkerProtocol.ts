import type { IndexedText } from './indexCache';

/**
 * To the index worker. An update opens with the previous index (its cache
 * bytes and key) and, per paper of the new library, the document of the
 * previous index it is unchanged from, or -1; then, as for a build, the
 * papers in library order and that there are no more.
 */
export type IndexWorkerRequest =
  | { readonly previous: Uint8Array; readonly previousKey: string; readonly from: Int32Array }
  | { readonly papers: readonly IndexedText[] }
  | { readonly finish: true };

/** From the index worker: how many papers it has indexed so far, or the finished index as cache bytes and the key it digested from the papers it was sent. */
export type IndexWorkerReply = { readonly indexed: number } | { readonly cache: Uint8Array; readonly key: string };
