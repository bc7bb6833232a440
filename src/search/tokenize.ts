import { foldCase, stripTex } from '../corpus/text';

/**
 * Words as a researcher types them: letters and digits, held together by
 * hyphens, apostrophes and dots inside a word (`HAWQ-V2`, `ChestX-ray8`).
 */
const WORD = /[\p{L}\p{N}]+(?:['’.\-‐‑–/][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
/** Longer runs are hashes, URLs or base64, never words anyone searches for. */
export const MAX_TERM_LENGTH = 40;

/** Words so common in abstracts that they only add noise and index size. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their this to was we were which with'.split(' '),
);

/** A word of the text, in search form, with its parts when it is a compound. */
export interface Word {
  /** The whole word with its inner punctuation removed: `hawqv2`, `subgraph`. */
  readonly joined: string;
  /** The parts of a compound (`hawq`, `v2`), or just the word. */
  readonly parts: readonly string[];
}

/** Splits text into search words; TeX markup is dropped and case and accents folded. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of foldCase(stripTex(text)).matchAll(WORD)) {
    const parts = match[0].match(PART) ?? [];
    const usable = parts.filter((p) => p.length <= MAX_TERM_LENGTH);
    if (usable.length === 0) {
      continue;
    }
    out.push({ joined: parts.join(''), parts: usable });
  }
  return out;
}

/**
 * The index's tokenizer: every part of a compound and the compound joined, so
 * that `sub-graph`, `sub graph` and `subgraph` all meet.
 */
export function tokenizeForIndex(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    terms.push(...word.parts);
    if (word.parts.length > 1 && word.joined.length <= MAX_TERM_LENGTH) {
      terms.push(word.joined);
    }
  }
  return terms;
}

/** MiniSearch's per-term hook: stop words are not indexed. */
export function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : term;
}
