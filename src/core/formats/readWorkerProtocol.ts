import type { LibraryFile, UnreadableFile } from '../library/merge';
import type { ArxivFilter } from './arxiv/filter';
import type { ReadProgress } from './readSource';

/** To the read worker: one local file to stream and read. */
export interface ReadWorkerRequest {
  readonly path: string;
  readonly id: string;
  readonly name: string;
  readonly arxivFilter?: ArxivFilter;
  /**
   * A folder for kept-records files (`keptRecords/keptRecordsFile.ts`). Given, a snapshot read once is not read
   * again while it and the filter are unchanged, and its abstracts stay on disk; without it, they come as text.
   */
  readonly keptRecordsDir?: string;
  /**
   * Once the snapshot is read and its kept records are written, reply `keptWritten` and stop, rather than send them:
   * the caller takes them in from a fresh worker once this one, whose heap holds the whole read, has exited.
   */
  readonly handOverKept?: boolean;
}

/** To the read worker, after each `entries` reply: the receiver has taken a batch in and is ready for another. */
export interface ReadWorkerAck {
  readonly ack: true;
}

/** The kept-records file that this read's stored abstracts are in. */
export interface KeptRecordsLocation {
  /** The file's key, which names its content. */
  readonly key: string;
  readonly path: string;
  /** Whether the records came from the file as it was, without reading the snapshot. */
  readonly reused: boolean;
}

/**
 * From the read worker: progress while it reads; where the kept records are, when they are kept; then the entries
 * a batch at a time (a JSON array of entries, or a segment of the kept records: `keptRecords/keptSegment.ts`), each
 * sent only once the receiver has acknowledged all but the last two batches (so that taking them in never holds up
 * the receiving thread for long); then the file with its entries left out, or why it could not be read. Asked to
 * hand the kept records over (`handOverKept`), `keptWritten` once they are written, and nothing more.
 */
export type ReadWorkerReply =
  | { readonly progress: ReadProgress }
  | { readonly keptRecords: KeptRecordsLocation }
  | { readonly keptWritten: true }
  | { readonly entries: string }
  | { readonly segment: string }
  | { readonly file: LibraryFile | UnreadableFile };
