import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArxivFilter } from '../arxiv/filter';
import type { CorpusProblem, RecordCounts } from '../parse';

/**
 * The kept-records file: what a read of the arXiv snapshot kept, written by the read worker to the extension's
 * storage so that the next start (or a reload after another file changed) does not read the snapshot again, and
 * so that abstracts can stay on disk (`StoredAbstract`) instead of in the extension host's memory.
 *
 * Layout, all offsets in bytes from the file's start:
 *
 *     MAGIC                          8 bytes, `PXKR0002` (the format's version: another is read as absent)
 *     abstracts                      UTF-8, one after another, no separators (entries give their ranges)
 *     segments                       JSON texts, each an array of entries (`KeptEntryJson`) in file order
 *     footer                         JSON (`KeptRecordsFooter`)
 *     footer length, MAGIC           8 bytes (uint32 little-endian, then 4 zero bytes), then MAGIC again
 *
 * A file is written under a `.partial` name and renamed when complete, so a file with this name is whole; one that
 * is not (damaged, another version, another key) is read as absent and written again.
 */

const MAGIC = Buffer.from('PXKR0002', 'latin1');
const TRAILER_BYTES = 16;
/** Abstracts are written in blocks of this size: one system call per megabyte, not per abstract. */
const WRITE_BLOCK = 1 << 20;

export interface KeptRecordsFooter {
  readonly key: string;
  /** The whole file's size: a file cut short or with bytes put in is not read. */
  readonly bytes: number;
  readonly counts: RecordCounts;
  readonly problems: readonly CorpusProblem[];
  /** Each segment's `[offset, byteLength, entries]`. */
  readonly segments: readonly (readonly [number, number, number])[];
}

/**
 * The key of one read of one snapshot: the file (path, size, modification time) and the filter it was read with.
 * Any change to them is another key, hence another file.
 */
export function keptRecordsKey(path: string, stat: { size: number; mtimeMs: number }, filter?: ArxivFilter): string {
  return createHash('sha256')
    .update(JSON.stringify([MAGIC.toString('latin1'), path, stat.size, stat.mtimeMs, filter ?? null]))
    .digest('hex')
    .slice(0, 32);
}

/** The file's name in the storage folder for a key. */
export function keptRecordsFileName(key: string): string {
  return `${key}.records`;
}

/** Writes a kept-records file: abstracts as records are kept, then the segments, then the footer. Synchronous: the read worker's own thread. */
export class KeptRecordsWriter {
  private readonly partial: string;
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(WRITE_BLOCK);
  private used = 0;
  /** Bytes written or buffered so far: the offset of the next byte. */
  private offset = 0;
  private readonly segments: [number, number, number][] = [];
  private closed = false;
  private named = false;

  constructor(private readonly path: string) {
    this.partial = `${path}.partial`;
    this.fd = fs.openSync(this.partial, 'w');
    this.write(MAGIC);
  }

  /** Appends an abstract; returns its byte range. */
  keepAbstract(text: string): { readonly offset: number; readonly byteLength: number } {
    const offset = this.offset;
    const byteLength = Buffer.byteLength(text);
    if (byteLength <= WRITE_BLOCK - this.used) {
      this.block.write(text, this.used, 'utf8');
      this.used += byteLength;
      this.offset += byteLength;
    } else {
      this.write(Buffer.from(text, 'utf8'));
    }
    return { offset, byteLength };
  }

  /** Appends one segment: a JSON array of `entries` entries. */
  addSegment(json: string, entries: number): void {
    const bytes = Buffer.from(json, 'utf8');
    this.segments.push([this.offset, bytes.length, entries]);
    this.write(bytes);
  }

  /** Writes the footer and gives the file its name. */
  finish(footer: Omit<KeptRecordsFooter, 'segments' | 'bytes'>): void {
    const fields = JSON.stringify({ ...footer, segments: this.segments });
    // The size includes the footer, whose length depends on the size's digits: written at a fixed width, padded with spaces.
    const bytes = this.offset + Buffer.byteLength(fields) + ',"bytes":'.length + 16 + TRAILER_BYTES;
    const json = Buffer.from(`${fields.slice(0, -1)},"bytes":${String(bytes).padStart(16, ' ')}}`, 'utf8');
    const trailer = Buffer.alloc(TRAILER_BYTES);
    trailer.writeUInt32LE(json.length, 0);
    MAGIC.copy(trailer, 8);
    this.write(json);
    this.write(trailer);
    this.flush();
    this.closed = true;
    fs.closeSync(this.fd);
    fs.renameSync(this.partial, this.path);
    this.named = true;
  }

  /** Gives up, at any point: nothing it wrote is left, under either name. */
  abandon(): void {
    try {
      if (!this.closed) {
        this.closed = true;
        fs.closeSync(this.fd);
      }
    } finally {
      fs.rmSync(this.named ? this.path : this.partial, { force: true });
    }
  }

  private write(bytes: Uint8Array): void {
    if (bytes.length > WRITE_BLOCK - this.used) {
      this.flush();
    }
    if (bytes.length >= WRITE_BLOCK) {
      fs.writeSync(this.fd, bytes);
    } else {
      this.block.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.offset += bytes.length;
  }

  private flush(): void {
    let written = 0;
    while (written < this.used) {
      written += fs.writeSync(this.fd, this.block, written, this.used - written);
    }
    this.used = 0;
  }
}

/** A complete kept-records file, opened for reading its segments. */
export interface KeptRecords {
  readonly footer: KeptRecordsFooter;
  /** The segment's JSON text (an array of `KeptEntryJson`). */
  readSegment(index: number): string;
  close(): void;
}

/**
 * Opens the kept-records file at `path` if it is complete and was written for `key`; undefined if it is absent,
 * damaged, of another version or another key (the caller then reads the snapshot and writes it again).
 */
export function openKeptRecords(path: string, key: string): KeptRecords | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const footer = readFooter(fd, fs.fstatSync(fd).size);
    if (footer?.key !== key) {
      fs.closeSync(fd);
      return undefined;
    }
    return {
      footer,
      readSegment(index) {
        const [offset, byteLength] = footer.segments[index];
        const bytes = Buffer.allocUnsafe(byteLength);
        readFully(fd, bytes, offset);
        return bytes.toString('utf8');
      },
      close: () => fs.closeSync(fd),
    };
  } catch {
    fs.closeSync(fd);
    return undefined;
  }
}

function readFooter(fd: number, size: number): KeptRecordsFooter | undefined {
  if (size < MAGIC.length + TRAILER_BYTES) {
    return undefined;
  }
  const head = Buffer.alloc(MAGIC.length);
  const trailer = Buffer.alloc(TRAILER_BYTES);
  readFully(fd, head, 0);
  readFully(fd, trailer, size - TRAILER_BYTES);
  if (!head.equals(MAGIC) || !trailer.subarray(8).equals(MAGIC)) {
    return undefined;
  }
  const length = trailer.readUInt32LE(0);
  const start = size - TRAILER_BYTES - length;
  if (start < MAGIC.length) {
    return undefined;
  }
  const json = Buffer.allocUnsafe(length);
  readFully(fd, json, start);
  const footer = JSON.parse(json.toString('utf8')) as KeptRecordsFooter;
  const inside =
    footer.bytes === size &&
    footer.segments.every(([offset, byteLength]) => offset >= MAGIC.length && offset + byteLength <= start);
  return inside ? footer : undefined;
}

/** Reads `bytes.length` bytes at `position`; throws if the file ends first. */
export function readFully(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) {
    const n = fs.readSync(fd, bytes, done, bytes.length - done, position + done);
    if (n === 0) {
      throw new Error(`the file ends at byte ${position + done}`);
    }
    done += n;
  }
}

/** A kept-records file no window has used for this long is deleted: its snapshot has gone, or its filter changed. */
export const KEPT_RECORDS_UNUSED_DAYS = 30;
/** A partial file this old was left by a read that never finished (VS Code closed, the machine stopped). */
const PARTIAL_HOURS = 24;

/**
 * The files in `dir` to delete: kept-records files not in `inUse` whose time is older than 30 days (a read that
 * reuses one touches it, so the time says when a window last used it) and partial files older than a day. Another
 * window may use a file this one does not, so a file is never judged by this window's use alone.
 */
export function staleKeptRecords(dir: string, inUse: ReadonlySet<string>, now = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const stale: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const maxAge = name.endsWith('.records')
      ? KEPT_RECORDS_UNUSED_DAYS * 86_400_000
      : name.endsWith('.partial')
        ? PARTIAL_HOURS * 3_600_000
        : undefined;
    if (maxAge === undefined || inUse.has(file)) {
      continue;
    }
    try {
      if (now - fs.statSync(file).mtimeMs > maxAge) {
        stale.push(file);
      }
    } catch {
      // Gone already.
    }
  }
  return stale;
}
