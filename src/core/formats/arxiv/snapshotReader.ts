import { ByteLineSplitter } from '../byteLines';
import type { RecordCounts } from '../parse';
import { JsonArrayElements } from '../jsonArrayElements';
import { CategoryLists } from './categoryLists';
import { matchesRecord, preFilter, type ArxivFilter } from './filter';
import { arxivRecord, type ArxivRecord } from './record';

/** How far reading has come: records seen (blank lines not counted), kept by the filter, and skipped as bad. */
export type ArxivReadCounts = RecordCounts;

/** A bad record, at its 1-based line. */
export interface ArxivProblem {
  readonly line: number;
  readonly message: string;
}

export interface ArxivReaderOptions {
  /** Records that do not match are dropped, most of them before they are decoded. Default: keep all. */
  readonly filter?: ArxivFilter;
  /** Bad records described one by one; past this many they are only counted. Default 100. */
  readonly maxProblems?: number;
  /** A longer line is a bad record, skipped without being held in memory. Default 16 MiB, far above any real record. */
  readonly maxRecordBytes?: number;
}

const DEFAULT_MAX_RECORD_BYTES = 16 << 20;
const DEFAULT_MAX_PROBLEMS = 100;

/**
 * Reads the arXiv metadata snapshot from raw bytes as they stream in: JSON Lines (one record a line) or a JSON
 * array of records, told apart by the first byte that is not white space. Each record kept goes to `onRecord` as
 * soon as its line is complete, so memory holds one line, not the file. A line that is not a record (truncated,
 * not JSON, not valid UTF-8, no id) is skipped and counted; the rest of the file is read.
 */
export class ArxivSnapshotReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly lists = new CategoryLists();
  private readonly filter: ArxivFilter | undefined;
  private readonly maxProblems: number;
  private readonly maxRecordBytes: number;
  private splitter: ByteLineSplitter | JsonArrayElements | undefined;
  private readCount = 0;
  private keptCount = 0;
  private badCount = 0;
  private readonly problemList: ArxivProblem[] = [];
  /** Lines of white space before the first chunk with text in it, which no splitter saw. */
  private leadingLines = 0;
  /** Bytes pushed so far, for progress. */
  bytes = 0;

  constructor(
    private readonly onRecord: (record: ArxivRecord, line: number) => void,
    options: ArxivReaderOptions = {},
  ) {
    this.filter = options.filter;
    this.maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  }

  get counts(): ArxivReadCounts {
    return { read: this.readCount, kept: this.keptCount, bad: this.badCount };
  }

  /** The first `maxProblems` bad records. */
  get problems(): readonly ArxivProblem[] {
    return this.problemList;
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (!this.splitter) {
      const first = firstSignificantByte(chunk);
      if (first === undefined) {
        this.leadingLines += countNewlines(chunk);
        return;
      }
      this.splitter =
        first === 0x5b
          ? new JsonArrayElements({
              element: (bytes, line) => this.record(bytes, line + this.leadingLines),
              malformed: (message, line) => this.bad(line + this.leadingLines, message),
            })
          : new ByteLineSplitter(
              {
                line: (bytes, line) => this.line(bytes, line + this.leadingLines),
                longLine: (length, line) =>
                  this.bad(
                    line + this.leadingLines,
                    `the line is ${length.toLocaleString('en-US')} bytes long (at most ${this.maxRecordBytes.toLocaleString('en-US')} are read)`,
                  ),
              },
              { maxLineBytes: this.maxRecordBytes },
            );
    }
    this.splitter.push(chunk);
  }

  /** The input is complete. */
  end(): ArxivReadCounts {
    this.splitter?.end();
    return this.counts;
  }

  private line(bytes: Uint8Array, line: number): void {
    if (isBlank(line === 1 ? withoutBom(bytes) : bytes)) {
      return;
    }
    this.record(bytes, line);
  }

  private record(bytes: Uint8Array, line: number): void {
    this.readCount++;
    const verdict = this.filter ? preFilter(this.filter, bytes) : 'keep';
    if (verdict === 'drop') {
      return;
    }
    let text: string;
    let value: unknown;
    try {
      text = this.decoder.decode(line === 1 ? withoutBom(bytes) : bytes);
    } catch {
      this.bad(line, 'the line is not valid UTF-8');
      return;
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.bad(line, `the line is not valid JSON (${(error as Error).message})`);
      return;
    }
    const result = arxivRecord(value, text, this.lists);
    if ('problem' in result) {
      this.bad(line, result.problem);
      return;
    }
    const { bibliographic } = result.record;
    if (
      verdict === 'unknown' &&
      this.filter &&
      !matchesRecord(this.filter, bibliographic.categories ?? [], bibliographic.issued)
    ) {
      return;
    }
    this.keptCount++;
    this.onRecord(result.record, line);
  }

  private bad(line: number, message: string): void {
    this.badCount++;
    if (this.problemList.length < this.maxProblems) {
      this.problemList.push({ line, message });
    }
  }
}

function firstSignificantByte(chunk: Uint8Array): number | undefined {
  const start = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  for (let i = start; i < chunk.length; i++) {
    const byte = chunk[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      return byte;
    }
  }
  return undefined;
}

function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) {
    count++;
  }
  return count;
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) {
      return false;
    }
  }
  return true;
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
