import { foldCase } from '../text/text';
import { isUnspaced, MAX_TERM_LENGTH, wordSegments } from './tokenize';

/** The words of a search to mark in a paper's text: whole terms, and the typed prefix of the last word. */
export interface Highlight {
  readonly terms: readonly string[];
  readonly prefixes: readonly string[];
}

/** A half-open range `[start, end)` of characters in the original text. */
export type Range = readonly [number, number];

/**
 * A word part of the shown text: letters and digits with the marks on them and
 * the invisible characters inside them (`Hyper\u200Bnetworks` is one part),
 * which the index never saw either.
 */
const WORD_PART = /[\p{L}\p{N}\p{M}\u00AD\u034F\u180E\u200B-\u200D\u2060-\u2064\uFEFF]+/gu;

/**
 * Where the matched terms stand in a text, as ranges of the original string
 * (case and accents untouched), for highlighting. A term matches a word part
 * that equals it in search form; a prefix term also matches a part that
 * starts with it. A run of a script written without spaces is split into
 * words as the index split it (`注意力` inside `基于注意力机制`). The text is
 * what is shown: TeX already converted (see `tex.ts`).
 */
export function findMatches(text: string, terms: ReadonlySet<string>, prefixes: readonly string[] = []): Range[] {
  if (terms.size === 0 && prefixes.length === 0) {
    return [];
  }
  const ranges: Range[] = [];
  const matches = (part: string) => {
    const folded = foldCase(part);
    const term = folded.length > MAX_TERM_LENGTH ? folded.slice(0, MAX_TERM_LENGTH) : folded;
    return term.length > 0 && (terms.has(term) || prefixes.some((p) => term.startsWith(p)));
  };
  for (const m of text.matchAll(WORD_PART)) {
    if (isUnspaced(m[0])) {
      for (const segment of wordSegments(m[0])) {
        if (matches(segment.segment)) {
          ranges.push([m.index + segment.index, m.index + segment.index + segment.segment.length]);
        }
      }
    } else if (matches(m[0])) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}
