import porter2 from 'wink-porter2-stemmer';

/**
 * A word's Porter2 (Snowball English) stem, specified at
 * https://snowballstem.org/algorithms/english/stemmer.html: `sampling`,
 * `sample` and `samples` all give `sampl`. The word is a lower-case index term.
 */
export function stem(term: string): string {
  return porter2(term);
}
