/**
 * Turns the bytes of a corpus file into text, or says why it cannot.
 *
 * `readFile(..., 'utf8')` keeps a BOM, reads UTF-16 as text with NULs between
 * letters and silently turns invalid bytes into U+FFFD; each of those would end
 * up in titles and in the index, so they are detected here instead.
 */
export type DecodeResult =
  | {
      readonly ok: true;
      /** The text in pieces of about a megabyte each, one after another, never joined into one string. */
      readonly pieces: readonly string[];
      readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
    }
  | { readonly ok: false; readonly reason: string };

/** Control characters other than tab, LF, CR and FF mark a file as binary. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
/** Bytes decoded between two yields of `decodeCorpusBytesSteps`: a few milliseconds of work. */
const CHUNK_BYTES = 1 << 20;
/** Bytes looked at to tell UTF-16 without a BOM. */
const SNIFF_BYTES = 4096;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decodes a file's bytes a megabyte at a time, yielding between them, so that a large file does not hold up the event loop. */
export function* decodeCorpusBytesSteps(bytes: Uint8Array): Generator<void, DecodeResult> {
  const decoder = new CorpusTextDecoder();
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    decoder.push(bytes.subarray(start, start + CHUNK_BYTES));
    yield;
  }
  return decoder.end();
}

/**
 * The same decoding for bytes that stream in (a local file read from disk a chunk at a time): `push` each chunk,
 * then `end`. The encoding is told from the first bytes (a BOM, or the NULs of UTF-16 without one); the decoded
 * text is kept in pieces, one per chunk. A failure is kept and reported by `end`, so a caller can stop early by
 * checking `failed`.
 */
export class CorpusTextDecoder {
  /** The first bytes, kept until there are enough to tell the encoding. */
  private head: Uint8Array[] = [];
  private headLength = 0;
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private encoding: Encoding = 'utf-8';
  private readonly pieces: string[] = [];
  private controls = 0;
  private length = 0;
  private blank = true;
  private empty = true;
  /** Set once the bytes are not valid text in their encoding. */
  failed = false;

  push(chunk: Uint8Array): void {
    if (this.failed || chunk.length === 0) {
      return;
    }
    this.empty = false;
    if (!this.decoder) {
      this.head.push(chunk.slice());
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) {
        this.start();
      }
      return;
    }
    this.decode(chunk, true);
  }

  end(): DecodeResult {
    if (this.empty) {
      return { ok: false, reason: 'the file is empty' };
    }
    if (!this.decoder) {
      this.start();
    }
    this.decode(new Uint8Array(0), false);
    if (this.failed) {
      return { ok: false, reason: `the file is not valid ${this.encoding.toUpperCase()} text` };
    }
    if (this.blank) {
      return { ok: false, reason: 'the file has no text' };
    }
    if (this.controls > 0 && this.controls * 100 > this.length) {
      return { ok: false, reason: 'the file looks binary (it is full of control characters)' };
    }
    const pieces = this.controls > 0 ? this.pieces.map((piece) => piece.replace(CONTROL, ' ')) : this.pieces;
    return { ok: true, encoding: this.encoding, pieces };
  }

  /** Tells the encoding from the bytes kept so far and decodes them. */
  private start(): void {
    let bytes: Uint8Array = new Uint8Array(this.headLength);
    let at = 0;
    for (const piece of this.head) {
      bytes.set(piece, at);
      at += piece.length;
    }
    this.head = [];
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf-16le';
      bytes = bytes.subarray(2);
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf-16be';
      bytes = bytes.subarray(2);
    } else {
      const utf16 = guessBomlessUtf16(bytes);
      if (utf16) {
        this.encoding = utf16;
      } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
      }
    }
    this.decoder = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
    this.decode(bytes, true);
  }

  /** A character cut at the end of a chunk is finished by the next one (`stream`); one cut by the end of the file is an error. */
  private decode(bytes: Uint8Array, more: boolean): void {
    if (this.failed || !this.decoder) {
      return;
    }
    let piece: string;
    try {
      piece = this.decoder.decode(bytes, { stream: more });
    } catch {
      this.failed = true;
      this.pieces.length = 0;
      return;
    }
    if (piece.length === 0) {
      return;
    }
    this.controls += piece.match(CONTROL)?.length ?? 0;
    this.length += piece.length;
    this.blank &&= !/\S/.test(piece);
    this.pieces.push(piece);
  }
}

/**
 * UTF-16 without a BOM shows as a NUL in every other byte; detect it from the
 * first few kilobytes so that it is decoded rather than reported as binary.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) {
    return undefined;
  }
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) {
      evenNuls++;
    }
    if (bytes[i + 1] === 0) {
      oddNuls++;
    }
  }
  const pairs = sample / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) {
    return 'utf-16le';
  }
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) {
    return 'utf-16be';
  }
  return undefined;
}
