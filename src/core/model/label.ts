import { stripTex } from '../text/text';

/** The TeX symbols abstracts use most, spelled as they print, so a label reads `ℓ2` rather than `ell 2`. */
const SYMBOLS: Readonly<Record<string, string>> = {
  ell: 'ℓ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  infty: '∞',
  times: '×',
  cdot: '·',
  leq: '≤',
  geq: '≥',
};

/** Labels stay readable in a quick pick or a tree row. */
export const MAX_LABEL_LENGTH = 64;

/** Openings that every other abstract shares and that say nothing about the paper. */
const BOILERPLATE = /^(?:in this (?:note|paper|work|study|article),?\s*(?:we\s+)?|this (?:paper|work|study|note)\s+)/i;

/**
 * A short, readable label for an abstract that has no title: its first clause,
 * cut on a word boundary, so the user can tell untitled papers apart.
 */
export function untitledLabel(abstract: string): string {
  const plain = readableTex(abstract).replace(BOILERPLATE, '');
  const firstSentence = plain.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? plain;
  const capitalised = firstSentence.charAt(0).toUpperCase() + firstSentence.slice(1);
  return truncateWords(capitalised.replace(/[.!?]$/, ''), MAX_LABEL_LENGTH) || 'Untitled abstract';
}

/** TeX as plain text for places that cannot render math (tab titles, labels): `$H_0$` reads `H0`. */
export function readableTex(text: string): string {
  const readable = text
    .replace(/\\([a-z]+)(?![a-z])/gi, (m, name: string) => SYMBOLS[name] ?? m)
    .replace(/([\p{L}ℓ])_(\w)/gu, '$1$2')
    .replace(/(?<!\\)\$/g, '');
  return stripTex(readable);
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
