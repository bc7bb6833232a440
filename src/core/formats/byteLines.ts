/**
 * Splits a stream of raw bytes into lines on 0x0A, without decoding them first.
 *
 * Decoding whole chunks and splitting the text costs several times more than finding the newlines in the bytes
 * (a single non-ASCII character makes V8 turn a decoded megabyte into a two-byte string), and a reader that
 * filters lines (the arXiv snapshot) need only decode the lines it keeps. A UTF-8 character cut by a chunk
 * boundary cannot be cut by a line boundary, so decoding line by line never sees half a character.
 */

/** What the splitter hands a line to: the bytes are only valid until the callback returns. */
export interface ByteLineHandler {
  /**
   * One line, without its `\n` or a `\r` before it. `lineNumber` is 1-based. `bytes` may be a view into a chunk
   * that the source reuses: copy what must outlive the call.
   */
  line(bytes: Uint8Array, lineNumber: number): void;
  /** A line longer than `maxLineBytes`: its bytes were not kept. `length` counts them all, without the line break. */
  longLine?(length: number, lineNumber: number): void;
}

export interface ByteLineSplitterOptions {
  /** Longer lines go to `longLine` and are not kept, so a file of one giant line costs no memory. Default: no limit. */
  readonly maxLineBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Push-driven: `push` each chunk as it is read, then `end` once. Linear in the input: every byte is scanned once
 * (by `indexOf`), and a line that spans chunks is copied twice (its pieces as they come, then joined when it ends); `copiedBytes` counts those copies so
 * that tests can check the shape of the work.
 */
export class ByteLineSplitter {
  /** Pieces of the line that the last chunk left unfinished (copied: the source may reuse its chunk). */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The unfinished line is over the limit: its bytes are dropped until its end. */
  private skipping = false;
  /** The last byte carried, to tell a `\r\n` cut between two chunks. */
  private lastCarried = 0;
  private lineNumber = 0;
  private readonly maxLineBytes: number;
  /** Bytes copied to carry unfinished lines across chunks. */
  copiedBytes = 0;

  constructor(
    private readonly handler: ByteLineHandler,
    options: ByteLineSplitterOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? Infinity;
  }

  /** Lines ended so far (the last, unfinished one not counted until `end`). */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline < 0) {
        break;
      }
      if (this.pendingLength > 0 || this.skipping) {
        this.finishPending(chunk.subarray(start, newline));
      } else {
        this.emit(chunk.subarray(start, newline));
      }
      start = newline + 1;
    }
    if (start < chunk.length) {
      this.carry(chunk.subarray(start));
    }
  }

  /** The input is complete: a last line without a line break is a line too (a truncated download ends so). */
  end(): void {
    if (this.pendingLength > 0 || this.skipping) {
      this.finishPending(new Uint8Array(0));
    }
  }

  private carry(piece: Uint8Array): void {
    this.lastCarried = piece[piece.length - 1];
    if (this.skipping) {
      this.pendingLength += piece.length;
      return;
    }
    // One byte of room: the line may yet end with the `\r` of a `\r\n`.
    if (this.pendingLength + piece.length > this.maxLineBytes + 1) {
      this.skipping = true;
      this.pending = [];
      this.pendingLength += piece.length;
      return;
    }
    this.pending.push(piece.slice());
    this.copiedBytes += piece.length;
    this.pendingLength += piece.length;
  }

  /** The unfinished line ends with `tail`. */
  private finishPending(tail: Uint8Array): void {
    // The `\r` of a `\r\n` is a line break, not part of the line.
    const last = tail.length > 0 ? tail[tail.length - 1] : this.lastCarried;
    const length = this.pendingLength + tail.length - (last === CR ? 1 : 0);
    if (this.skipping || length > this.maxLineBytes) {
      this.lineNumber++;
      this.handler.longLine?.(length, this.lineNumber);
    } else {
      const whole = new Uint8Array(this.pendingLength + tail.length);
      let at = 0;
      for (const piece of this.pending) {
        whole.set(piece, at);
        at += piece.length;
      }
      whole.set(tail, at);
      this.copiedBytes += whole.length;
      this.emit(whole);
    }
    this.pending = [];
    this.pendingLength = 0;
    this.skipping = false;
  }

  private emit(bytes: Uint8Array): void {
    this.lineNumber++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    if (end > this.maxLineBytes) {
      this.handler.longLine?.(end, this.lineNumber);
      return;
    }
    this.handler.line(end === bytes.length ? bytes : bytes.subarray(0, end), this.lineNumber);
  }
}
