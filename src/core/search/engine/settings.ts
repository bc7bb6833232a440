/**
 * How queries match and weigh terms: the settings a MiniSearch configured as
 * this project would be configured takes too (test/unit/relevance.test.ts
 * compares the two on the same papers).
 */

/** How much a match counts by field: a title match is worth three abstract matches. */
export const TITLE_BOOST = 3;
/** Per field (title, abstract), what a match in it counts for a word searched anywhere, or only in one field. */
export const FIELD_BOOST = { any: [TITLE_BOOST, 1], title: [TITLE_BOOST, 0], abstract: [0, 1] } as const;
/** Relative weight of a prefix completion and of a typo match, as in MiniSearch. */
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;

/** Edits forgiven: none for short words (they would match noise), one from 5 letters, two from 9. */
export function fuzziness(term: string): number {
  if (/^\d+$/.test(term) || term.length < 5) {
    return 0;
  }
  return term.length >= 9 ? 2 : 1;
}
