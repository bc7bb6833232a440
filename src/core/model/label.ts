import { texToPlainText } from '../text/tex';

/** Labels stay readable in a quick pick or a tree row. */
export const MAX_LABEL_LENGTH = 64;

/** Openings that every other abstract shares and that say nothing about the paper. */
const BOILERPLATE = /^(?:in this (?:note|paper|work|study|article),?\s*(?:we\s+)?|this (?:paper|work|study|note)\s+)/i;

/**
 * A short, readable label for an abstract that has no title: its first clause,
 * cut on a word boundary, so the user can tell untitled papers apart.
 */
export function untitledLabel(abstract: string): string {
  const plain = texToPlainText(abstract).replace(BOILERPLATE, '');
  const firstSentence = plain.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? plain;
  const capitalised = firstSentence.charAt(0).toUpperCase() + firstSentence.slice(1);
  const label = truncateWords(capitalised.replace(/[.!?]$/, ''), MAX_LABEL_LENGTH);
  return /[\p{L}\p{N}]/u.test(label) ? label : 'Untitled abstract';
}

/** Cuts at the last word boundary before `max` characters and marks the cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–-]+$/, '')}…`;
}
