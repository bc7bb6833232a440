/**
 * Turns the bytes of a corpus file into text, or says why it cannot.
 *
 * `readFile(..., 'utf8')` keeps a BOM, reads UTF-16 as text with NULs between
 * letters and silently turns invalid bytes into U+FFFD; each of those would end
 * up in titles and in the index, so they are detected here instead.
 */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { readonly ok: false; readonly reason: string };

/** Control characters other than tab, LF, CR and FF mark a file as binary. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

export function decodeCorpusBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'the file is empty' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith('utf-16le', bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith('utf-16be', bytes.subarray(2));
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    return decodeWith(utf16, bytes);
  }
  return decodeWith('utf-8', bytes.subarray(start));
}

function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `the file is not valid ${encoding.toUpperCase()} text` };
  }
  if (text.trim().length === 0) {
    return { ok: false, reason: 'the file has no text' };
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) {
    return { ok: false, reason: 'the file looks binary (it is full of control characters)' };
  }
  return { ok: true, encoding, text: controls > 0 ? text.replace(CONTROL, ' ') : text };
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
