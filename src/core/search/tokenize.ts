import { foldCase, isAscii, stripTex } from '../text/text';

/**
 * Words as a researcher types them: letters and digits, held together by
 * hyphens, apostrophes and dots inside a word (`HAWQ-V2`, `ChestX-ray8`).
 */
const WORD = /[\p{L}\p{N}]+(?:['’.\-‐‑–/][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /['’.\-‐‑–/]/u;
const NON_PART = /[^\p{L}\p{N}]+/u;
const NON_PART_G = /[^\p{L}\p{N}]+/gu;
/** The same, for text that is plain ASCII: much faster than the Unicode classes. */
const WORD_ASCII = /[a-z0-9]+(?:['./-][a-z0-9]+)*/g;
const SEPARATOR_ASCII = /['./-]/;
const NON_PART_ASCII = /[^a-z0-9]+/;
const NON_PART_ASCII_G = /[^a-z0-9]+/g;
/**
 * Terms are cut to this length, on both sides, so a hash or a base64 run
 * costs the index no more than a long word, and a long word is still found.
 */
export const MAX_TERM_LENGTH = 40;
/**
 * Scripts written without spaces between words: a run of them is split into
 * words by `Intl.Segmenter` (ICU's dictionaries), so `注意力` is found inside
 * `基于注意力机制的图像分割方法`.
 */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

/** Words so common in abstracts that they only add noise and index size. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their this to was we were which with'.split(
    ' ',
  ),
);

/** A word of the text, in search form, with its parts when it is a compound. */
export interface Word {
  /** The whole word with its inner punctuation removed: `hawqv2`, `subgraph`. */
  readonly joined: string;
  /** The parts of a compound (`hawq`, `v2`), or just the word. */
  readonly parts: readonly string[];
}

/**
 * Calls `onWord` for each word of the text in search form (TeX markup
 * dropped, case and accents folded) with its parts when it is a compound. A
 * callback rather than an array: indexing 100,000 abstracts would otherwise
 * allocate an object per word.
 */
export function scanWords(text: string, onWord: (joined: string, parts: readonly string[] | undefined) => void): void {
  const folded = foldCase(stripTex(text));
  const ascii = isAscii(folded);
  const word = ascii ? WORD_ASCII : WORD;
  word.lastIndex = 0;
  for (let m = word.exec(folded); m !== null; m = word.exec(folded)) {
    const w = m[0];
    if (!ascii && UNSPACED.test(w)) {
      for (const segment of wordSegments(w)) {
        scanWord(segment.segment, false, onWord);
      }
      continue;
    }
    scanWord(w, ascii, onWord);
  }
}

function scanWord(
  w: string,
  ascii: boolean,
  onWord: (joined: string, parts: readonly string[] | undefined) => void,
): void {
  if (!(ascii ? SEPARATOR_ASCII : SEPARATOR).test(w)) {
    onWord(cut(w), undefined);
    return;
  }
  const parts = w
    .split(ascii ? NON_PART_ASCII : NON_PART)
    .filter((p) => p.length > 0)
    .map(cut);
  if (parts.length > 0) {
    onWord(cut(w.replace(ascii ? NON_PART_ASCII_G : NON_PART_G, '')), parts);
  }
}

function cut(term: string): string {
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
}

/**
 * The words of a run of text that holds a script written without spaces, as
 * `Intl.Segmenter` finds them (`jwt令牌` → `jwt`, `令牌`), with their offsets
 * in the run: the highlighter splits a shown run as the index did.
 */
export function* wordSegments(run: string): Generator<Intl.SegmentData> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike) {
      yield s;
    }
  }
}

/** Whether a word holds a script that `segmentWords` splits. */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

/** Splits text into search words; TeX markup is dropped and case and accents folded. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  scanWords(text, (joined, parts) => out.push({ joined, parts: parts ?? [joined] }));
  return out;
}

/**
 * The index's tokenizer: every part of a compound and the compound joined, so
 * that `sub-graph`, `sub graph` and `subgraph` all meet.
 */
export function tokenizeForIndex(text: string): string[] {
  const terms: string[] = [];
  scanWords(text, (joined, parts) => {
    if (!parts) {
      terms.push(joined);
      return;
    }
    terms.push(...parts);
    if (parts.length > 1) {
      terms.push(joined);
    }
  });
  return terms;
}
