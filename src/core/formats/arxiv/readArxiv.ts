import type { PublicationDate } from '../../model/bibliographic';
import { paperDate, type PaperDate } from '../../model/dates';
import type { CancellationFlag } from '../../util/steps';
import type { ByteSource } from '../byteSource';
import type { ParsedCorpus, ParsedEntry, RecordCounts } from '../parse';
import type { ArxivFilter } from './filter';
import { ArxivSnapshotReader, type ArxivReadCounts } from './snapshotReader';

/** How far a read has come, for a progress message: records so far, and bytes against the size when known. */
export interface ArxivProgress extends ArxivReadCounts {
  readonly bytes: number;
  readonly size?: number;
}

export interface ReadArxivOptions {
  readonly filter?: ArxivFilter;
  readonly token?: CancellationFlag;
  /** Called after every chunk (about a megabyte). */
  readonly onProgress?: (progress: ArxivProgress) => void;
  /** What each entry becomes before it is kept: the read worker stores its abstract on disk. */
  readonly keepEntry?: (entry: ParsedEntry) => ParsedEntry;
}

/** A read snapshot: its entries and problems as for any corpus file, and how many records were read and kept. */
export interface ArxivCorpus extends ParsedCorpus {
  readonly format: 'arxiv';
  readonly counts: RecordCounts;
}

/**
 * Reads an arXiv metadata snapshot from a byte source, keeping the records of `filter`, each an entry with its
 * bibliographic fields. Holds one chunk and the entries kept, never the file. Undefined once cancelled.
 * Bad records are problems at their line; past the first hundred, one problem says how many more there were.
 */
export async function readArxivSource(
  source: ByteSource,
  options: ReadArxivOptions = {},
): Promise<ArxivCorpus | undefined> {
  const entries: ParsedEntry[] = [];
  // A few thousand distinct days among hundreds of thousands of papers: one date object each, shared.
  const dates = new Map<string, PaperDate | undefined>();
  const keep = options.keepEntry ?? ((entry: ParsedEntry) => entry);
  const reader = new ArxivSnapshotReader(
    ({ title, abstract, bibliographic }, line) => {
      const { issued } = bibliographic;
      const date = issued && sharedDate(dates, issued);
      entries.push(
        keep(date ? { title, abstract, line, date, bibliographic } : { title, abstract, line, bibliographic }),
      );
    },
    options.filter ? { filter: options.filter } : {},
  );
  for await (const chunk of source.chunks()) {
    if (options.token?.isCancellationRequested) {
      return undefined;
    }
    reader.push(chunk);
    options.onProgress?.({
      ...reader.counts,
      bytes: reader.bytes,
      ...(source.size !== undefined && { size: source.size }),
    });
  }
  const counts = reader.end();
  const problems = [...reader.problems];
  if (counts.bad > problems.length) {
    const last = problems[problems.length - 1]?.line ?? 1;
    problems.push({
      line: last,
      message: `${(counts.bad - problems.length).toLocaleString('en-US')} more bad records skipped`,
    });
  }
  if (counts.read === 0 && problems.length === 0) {
    problems.push({ line: 1, message: 'no arXiv records found' });
  }
  return { format: 'arxiv', entries, problems, counts };
}

function sharedDate(dates: Map<string, PaperDate | undefined>, issued: PublicationDate): PaperDate | undefined {
  const key = `${issued.year}-${issued.month}-${issued.day}`;
  if (!dates.has(key)) {
    dates.set(key, paperDate(issued));
  }
  return dates.get(key);
}
