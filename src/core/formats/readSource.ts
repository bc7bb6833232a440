import { createHash } from 'node:crypto';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { runStepsAsync, type CancellationFlag } from '../util/steps';
import { readArxivSource, type ArxivProgress } from './arxiv/readArxiv';
import type { ArxivFilter } from './arxiv/filter';
import type { ByteSource } from './byteSource';
import { CorpusTextDecoder } from './decode';
import { parseCorpusSteps, type ParsedEntry } from './parse';
import { bibliographyFormat, readBibliographySteps } from './bibliographyFile';

export interface ReadSourceOptions {
  /** Which arXiv records to keep; the page formats ignore it. */
  readonly arxivFilter?: ArxivFilter;
  readonly token?: CancellationFlag;
  /** Called after every chunk: bytes read, and for the arXiv snapshot the records read and kept. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** What each arXiv record's entry becomes before it is kept (see `ReadArxivOptions`). */
  readonly keepArxivEntry?: (entry: ParsedEntry) => ParsedEntry;
}

export type ReadProgress = { readonly bytes: number; readonly size?: number } | ArxivProgress | BibliographyProgress;

/** A bibliography file, once decoded, is read entry by entry: how many entries so far. */
export interface BibliographyProgress {
  readonly bytes: number;
  readonly size?: number;
  readonly entries: number;
}

/** Entries between two progress reports of a bibliography file. */
const ENTRIES_PER_PROGRESS = 250;

/** JSON Lines: the arXiv snapshot's own format. */
const JSON_LINES = /\.(jsonl|ndjson)$/i;
/** In a `.json` file, keys that only the arXiv snapshot's records have. */
const ARXIV_KEYS = /"(authors_parsed|journal-ref|update_date)"\s*:/;

/**
 * Reads one corpus file from a byte source (streamed from disk, or bytes in memory), in whichever format it is:
 * the arXiv snapshot (`.jsonl`, or `.json` whose records have the snapshot's keys), a bibliography (BibTeX, RIS,
 * CSL-JSON: see `bibliographyFormat`), or a page format. Nothing holds
 * the file's bytes whole: the snapshot is read record by record, a page file is decoded a chunk at a time.
 * A file in any other format than the snapshot gets a `contentKey`, the SHA-256 of its bytes, hashed as they pass.
 * Undefined once cancelled; a file that cannot be read says why.
 */
export async function readCorpusSource(
  id: string,
  name: string,
  fileName: string,
  source: ByteSource,
  options: ReadSourceOptions = {},
): Promise<LibraryFile | UnreadableFile | undefined> {
  const chunks = source.chunks()[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) {
    return { id, problem: { line: 1, message: 'the file is empty' } };
  }
  // The first chunk again, then the rest: the format is told from it without reading the file twice.
  const again: ByteSource = {
    ...(source.size !== undefined && { size: source.size }),
    async *chunks() {
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        yield next.value;
      }
    },
  };
  if (JSON_LINES.test(fileName) || (/\.json$/i.test(fileName) && ARXIV_KEYS.test(headText(first.value)))) {
    const parsed = await readArxivSource(again, {
      ...(options.arxivFilter && { filter: options.arxivFilter }),
      ...(options.token && { token: options.token }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.keepArxivEntry && { keepEntry: options.keepArxivEntry }),
    });
    return parsed && { id, name, parsed };
  }
  const bibliography = bibliographyFormat(fileName, headText(first.value));
  const decoder = new CorpusTextDecoder();
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of again.chunks()) {
    if (options.token?.isCancellationRequested) {
      return undefined;
    }
    hash.update(chunk);
    decoder.push(chunk);
    if (decoder.failed) {
      break;
    }
    bytes += chunk.length;
    options.onProgress?.({ bytes, ...(source.size !== undefined && { size: source.size }) });
  }
  const decoded = decoder.end();
  if (!decoded.ok) {
    return { id, problem: { line: 1, message: decoded.reason } };
  }
  const contentKey = `sha256:${hash.digest('hex')}`;
  if (bibliography) {
    // Entries are cut at the lines that start them, which a piece boundary may split: a bibliography is read whole.
    const text = decoded.pieces.join('');
    const onEntry = (entries: number) => {
      if (entries % ENTRIES_PER_PROGRESS === 0) {
        options.onProgress?.({ bytes, entries, ...(source.size !== undefined && { size: source.size }) });
      }
    };
    const parsed = await runStepsAsync(readBibliographySteps(bibliography, text, onEntry), options.token);
    return parsed && { id, name, parsed, contentKey };
  }
  const parsed = await runStepsAsync(parseCorpusSteps(decoded.pieces), options.token);
  return parsed && { id, name, parsed, contentKey };
}

/** The first few kilobytes as text, to look for keys in. */
function headText(chunk: Uint8Array): string {
  return new TextDecoder().decode(chunk.subarray(0, 16384));
}
