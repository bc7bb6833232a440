/**
 * Splits a stream of bytes holding one JSON array (RFC 8259) into the bytes of its elements, without parsing them,
 * so that an array of a million records is read one record at a time rather than parsed whole. It tracks only
 * nesting and strings; each element is parsed by the caller, and a bad one spoils only itself.
 */
export interface JsonElementHandler {
  /** One element's bytes (whitespace around it excluded), valid only until the callback returns; `line` is where it starts, 1-based. */
  element(bytes: Uint8Array, line: number): void;
  /** The input does not look like an array at all, or text follows its end: `line` is where. */
  malformed(message: string, line: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LF = 0x0a;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/** Push-driven like `ByteLineSplitter`: `push` every chunk, then `end`. Each byte is looked at once. */
export class JsonArrayElements {
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  /** The current element's bytes from earlier chunks, and where it started. */
  private pending: Uint8Array[] = [];
  private elementLine = 0;
  private started = false;
  private reportedAfter = false;

  constructor(private readonly handler: JsonElementHandler) {}

  push(chunk: Uint8Array): void {
    let start = this.started ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === LF) {
        this.line++;
      }
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (byte === BACKSLASH) {
          this.escaped = true;
        } else if (byte === QUOTE) {
          this.inString = false;
        }
        continue;
      }
      if (byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === LF) {
        continue;
      }
      if (this.state === 'before') {
        if (byte === 0x5b) {
          this.state = 'inside';
        } else if (!(i === 0 && byte === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)) {
          this.handler.malformed('the file is not a JSON array', this.line);
          this.state = 'after';
          this.reportedAfter = true;
        } else {
          i += 2;
        }
        continue;
      }
      if (this.state === 'after') {
        if (!this.reportedAfter) {
          this.reportedAfter = true;
          this.handler.malformed('text after the end of the JSON array', this.line);
        }
        continue;
      }
      if (this.depth === 0 && (byte === COMMA || byte === 0x5d)) {
        if (this.started) {
          this.finish(chunk.subarray(start, i));
          start = -1;
        }
        if (byte === 0x5d) {
          this.state = 'after';
        }
        continue;
      }
      if (!this.started) {
        this.started = true;
        this.elementLine = this.line;
        start = i;
      }
      if (byte === QUOTE) {
        this.inString = true;
      } else if (OPEN.has(byte)) {
        this.depth++;
      } else if (CLOSE.has(byte)) {
        this.depth--;
      }
    }
    if (this.started && start >= 0) {
      this.pending.push(chunk.slice(start));
    }
  }

  /** The input is complete: an element cut off by the end (a truncated download) is handed over as it is, to fail its own parse. */
  end(): void {
    if (this.started) {
      this.finish(new Uint8Array(0));
    }
    if (this.state === 'before') {
      this.handler.malformed('the file is not a JSON array', this.line);
    }
  }

  private finish(tail: Uint8Array): void {
    let bytes = tail;
    if (this.pending.length > 0) {
      const length = this.pending.reduce((n, p) => n + p.length, tail.length);
      bytes = new Uint8Array(length);
      let at = 0;
      for (const piece of [...this.pending, tail]) {
        bytes.set(piece, at);
        at += piece.length;
      }
    }
    let end = bytes.length;
    while (
      end > 0 &&
      (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09 || bytes[end - 1] === 0x0d || bytes[end - 1] === LF)
    ) {
      end--;
    }
    this.handler.element(bytes.subarray(0, end), this.elementLine);
    this.pending = [];
    this.started = false;
    this.depth = 0;
  }
}
