import * as fs from 'node:fs';
import type { AbstractFile } from '../../model/storedAbstract';
import { readFully } from './keptRecordsFile';

/** Bytes read at a time while abstracts are read in file order (an index build): a window serves hundreds. */
const SEQUENTIAL_BYTES = 256 * 1024;
/** Bytes read for an abstract read out of order (a list of hits, a phrase check): about a page, a few abstracts. */
const RANDOM_BYTES = 4096;

/**
 * Abstracts read from a kept-records file on the local disk. The last window read is kept, and a read that goes on
 * where the window ends takes a large one, so reading papers in order (building the index) costs one read per
 * quarter megabyte, while a read out of order reads about a page. The file is opened for each read and closed
 * again, so nothing is left open when a library is dropped. Counts its reads, for tests of the work done.
 */
export class NodeAbstractFile implements AbstractFile {
  private window = Buffer.alloc(0);
  private windowStart = 0;
  /** Reads from disk so far. */
  reads = 0;

  constructor(
    readonly id: string,
    readonly path: string,
  ) {}

  read(offset: number, byteLength: number): string {
    try {
      if (offset < this.windowStart || offset + byteLength > this.windowStart + this.window.length) {
        const sequential = offset >= this.windowStart && offset <= this.windowStart + this.window.length;
        this.load(offset, Math.max(byteLength, sequential ? SEQUENTIAL_BYTES : RANDOM_BYTES));
        if (this.window.length < byteLength) {
          throw new Error('the file is shorter than its records say');
        }
      }
      const start = offset - this.windowStart;
      return this.window.toString('utf8', start, start + byteLength);
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      return `(This abstract cannot be read from ${this.path}: ${reason}. Reload the library to read the snapshot again.)`;
    }
  }

  private load(offset: number, length: number): void {
    const fd = fs.openSync(this.path, 'r');
    try {
      const available = Math.min(length, fs.fstatSync(fd).size - offset);
      const bytes = Buffer.allocUnsafe(Math.max(available, 0));
      readFully(fd, bytes, offset);
      this.reads++;
      this.window = bytes;
      this.windowStart = offset;
    } finally {
      fs.closeSync(fd);
    }
  }
}
