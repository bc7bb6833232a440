import { personName } from '../cite/paperHover';
import type { PersonName } from '../model/bibliographic';

/** What the index and its cache know of a paper's authors. */
export interface WithAuthors {
  readonly bibliographic?: { readonly authors?: readonly PersonName[] };
}

/**
 * A paper's author names as one text (`Ashish Vaswani Łukasz Kaiser`), indexed with the abstract so that authors
 * are searchable words in plain queries; empty for a paper without a list of authors.
 */
export function authorText(paper: WithAuthors): string {
  const authors = paper.bibliographic?.authors;
  return authors && authors.length > 0 ? authors.map(personName).join(' ') : '';
}
