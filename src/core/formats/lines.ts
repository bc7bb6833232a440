/**
 * Splitting text that arrives in pieces (as it is decoded, about a megabyte
 * each, cut anywhere) into lines, in one pass over the pieces: each character
 * is looked at once, and a line longer than the limit is not kept but counted
 * until its end, so a 50 MB single-line file costs what its bytes cost and
 * holds no 50 MB string.
 */

/** A line longer than the limit: only where it is and how long it was are kept. */
export interface LongLine {
  /** 1-based. */
  readonly number: number;
  /** In UTF-16 code units, line break excluded. */
  readonly length: number;
}

export interface SplitLines<T> {
  /** Every line within the limit, in order, as `toLine` made it. */
  readonly lines: T[];
  readonly long: LongLine[];
}

/** Characters looked at between two yields of `splitLinesSteps`: a few milliseconds of work. */
const SCAN_STEP = 1 << 20;
/** Lines made between two yields, however short they are. */
const LINE_STEP = 2000;
const LF = 10;

/**
 * Splits `pieces` (one text, cut anywhere, even inside a `\r\n`) at `\n`,
 * `\r\n` and `\r`, yielding every `SCAN_STEP` characters or `LINE_STEP` lines.
 * As `String.split` would, text ending in a line break has an empty last line.
 * Lines longer than `maxLength` characters are reported in `long` instead.
 */
export function* splitLinesSteps<T>(
  pieces: readonly string[],
  maxLength: number,
  toLine: (text: string, number: number) => T,
): Generator<void, SplitLines<T>> {
  const lines: T[] = [];
  const long: LongLine[] = [];
  let number = 0;
  // The unfinished line, which the next piece goes on with: its parts while it is within the limit, else only its length.
  let parts: string[] = [];
  let length = 0;
  // The previous piece ended in a `\r`, so a `\n` starting this one belongs to the same line break.
  let afterCr = false;
  let scanned = 0;
  let made = 0;

  // Ends the unfinished line with `piece` from `start` to `end`; a line past the limit is never sliced or joined.
  const endLine = (piece: string, start: number, end: number) => {
    number++;
    const total = length + end - start;
    if (total > maxLength) {
      long.push({ number, length: total });
    } else {
      const last = piece.slice(start, end);
      lines.push(toLine(parts.length === 0 ? last : parts.join('') + last, number));
    }
    parts = [];
    length = 0;
  };

  for (const piece of pieces) {
    if (piece.length === 0) {
      continue;
    }
    let pos = afterCr && piece.charCodeAt(0) === LF ? 1 : 0;
    afterCr = false;
    // The next `\n` and `\r` at or after `pos`, found once each, not once a line: most files have no `\r` at all.
    let lf = piece.indexOf('\n', pos);
    let cr = piece.indexOf('\r', pos);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      endLine(piece, pos, end);
      scanned += end + 1 - pos;
      pos = end + 1;
      if (end === cr) {
        if (pos === piece.length) {
          afterCr = true;
        } else if (piece.charCodeAt(pos) === LF) {
          pos++;
        }
        cr = piece.indexOf('\r', pos);
      }
      if (lf !== -1 && lf < pos) {
        lf = piece.indexOf('\n', pos);
      }
      if (++made >= LINE_STEP || scanned >= SCAN_STEP) {
        made = 0;
        scanned = 0;
        yield;
      }
    }
    const rest = piece.length - pos;
    if (length + rest > maxLength) {
      parts = [];
    } else if (rest > 0) {
      parts.push(pos === 0 ? piece : piece.slice(pos));
    }
    length += rest;
    scanned += rest;
    if (scanned >= SCAN_STEP) {
      scanned = 0;
      yield;
    }
  }
  if (pieces.length > 0) {
    endLine('', 0, 0);
  }
  return { lines, long };
}
