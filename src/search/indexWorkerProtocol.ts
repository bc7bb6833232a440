import type { IndexedText } from './indexCache';

/** To the index worker: the next papers to index, in library order, or that there are no more. */
export type IndexWorkerRequest = { readonly papers: readonly IndexedText[] } | { readonly finish: true };

/** From the index worker: how many papers it has indexed so far, or the finished index as cache bytes. */
export type IndexWorkerReply = { readonly indexed: number } | { readonly cache: Uint8Array };
