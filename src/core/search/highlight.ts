import { foldCase } from '../text/text';

/** The words of a search to mark in a paper's text: whole terms, and the typed prefix of the last word. */
export interface Highlight {
  readonly terms: readonly string[];
  readonly prefixes: readonly string[];
}

/** A half-open range `[start, end)` of characters in the original text. */
export type Range = readonly [number, number];

const WORD_PART = /[\p{L}\p{N}]+/gu;

/**
 * Where the matched terms stand in a text, as ranges of the original string
 * (case, accents and TeX untouched), for highlighting. A term matches a word
 * part that equals it; a prefix term also matches a part that starts with it.
 */
export function findMatches(text: string, terms: ReadonlySet<string>, prefixes: readonly string[] = []): Range[] {
  if (terms.size === 0 && prefixes.length === 0) {
    return [];
  }
  const ranges: Range[] = [];
  for (const m of text.matchAll(WORD_PART)) {
    const part = foldCase(m[0]);
    if (terms.has(part) || prefixes.some((p) => part.startsWith(p))) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}
