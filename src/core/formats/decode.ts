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

/** Decodes a file's bytes a megabyte at a time, yielding between them, so that a large file does not hold up the event loop. */
export function* decodeCorpusBytesSteps(bytes: Uint8Array): Generator<void, DecodeResult> {
  if (bytes.length === 0) {
    return { ok: false, reason: 'the file is empty' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return yield* decodeWith('utf-16le', bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return yield* decodeWith('utf-16be', bytes.subarray(2));
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    return yield* decodeWith(utf16, bytes);
  }
  return yield* decodeWith('utf-8', bytes.subarray(start));
}

function* decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): Generator<void, DecodeResult> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const pieces: string[] = [];
  let controls = 0;
  let length = 0;
  let blank = true;
  try {
    // A character cut at the end of a chunk is finished by the next one (`stream`); one cut by the end of the file is an error.
    for (let start = 0; start <= bytes.length; start += CHUNK_BYTES) {
      const last = start + CHUNK_BYTES >= bytes.length;
      const piece = decoder.decode(bytes.subarray(start, start + CHUNK_BYTES), { stream: !last });
      controls += piece.match(CONTROL)?.length ?? 0;
      length += piece.length;
      blank &&= !/\S/.test(piece);
      pieces.push(piece);
      if (last) {
        break;
      }
      yield;
    }
  } catch {
    return { ok: false, reason: `the file is not valid ${encoding.toUpperCase()} text` };
  }
  if (blank) {
    return { ok: false, reason: 'the file has no text' };
  }
  if (controls > 0 && controls * 100 > length) {
    return { ok: false, reason: 'the file looks binary (it is full of control characters)' };
  }
  return { ok: true, encoding, pieces: controls > 0 ? pieces.map((piece) => piece.replace(CONTROL, ' ')) : pieces };
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
