import { truncateWords } from '../model/label';
import type { Range } from './highlight';

/**
 * A one-line excerpt of an abstract for a result list: around the first
 * matched word when there is one, else its opening.
 */
export function snippet(abstract: string, matches: readonly Range[], length = 140): string {
  const first = matches[0];
  if (!first || first[0] < length / 2) {
    return truncateWords(flatten(abstract), length);
  }
  const from = abstract.lastIndexOf(' ', first[0] - Math.floor(length / 3));
  return `…${truncateWords(flatten(abstract.slice(from + 1)), length - 1)}`;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}
