import type { LibraryFile, UnreadableFile } from '../library/merge';
import type { ArxivFilter } from './arxiv/filter';
import type { ParsedEntry } from './parse';
import type { ReadProgress } from './readSource';

/** To the read worker: one local file to stream and read. */
export interface ReadWorkerRequest {
  readonly path: string;
  readonly id: string;
  readonly name: string;
  readonly arxivFilter?: ArxivFilter;
}

/**
 * From the read worker: progress while it reads; then the entries a batch at a time (so that taking them in never
 * holds up the receiving thread for long); then the file with its entries left out, or why it could not be read.
 */
export type ReadWorkerReply =
  | { readonly progress: ReadProgress }
  | { readonly entries: readonly ParsedEntry[] }
  | { readonly file: LibraryFile | UnreadableFile };
