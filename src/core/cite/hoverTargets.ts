import { citationAt } from './citationContext';
import type { CitationLanguage } from './citationLanguage';
import { findArxivId, findDoi } from '../model/identifiers';

/** Something under the pointer that may name a paper; offsets are the text's (end exclusive). */
export type HoverTarget =
  | { readonly kind: 'citationKey'; readonly key: string; readonly start: number; readonly end: number }
  /** New style `2401.12345` or old style `hep-th/9901001`, without `arXiv:` and without a version. */
  | { readonly kind: 'arxivId'; readonly arxivId: string; readonly start: number; readonly end: number }
  /** Without `doi:` or the resolver's address; compare case-insensitively. */
  | { readonly kind: 'doi'; readonly doi: string; readonly start: number; readonly end: number };

/** The longest token looked at around the pointer: longer than any id or DOI link, bounded on giant lines. */
const MAX_TOKEN = 300;
/** What may wrap an id in prose or markup, and the punctuation that ends a sentence after one. */
const OPENERS = '([{<"\'';
const ENDERS = ')]}>"\'.,;:!?';

/**
 * The things at `offset` that may name a paper, most specific first: the citation key under it (in LaTeX and
 * Markdown citations), then an arXiv id or a DOI written anywhere (`arXiv:2401.12345v2`, `2401.12345`,
 * `hep-th/9901001`, `https://arxiv.org/abs/…`; `10.1000/xyz`, `doi:…`, `https://doi.org/…`), recognised by the
 * paper model's own rules so that they compare with the ids papers carry. The caller shows the first one a paper
 * in the library answers to.
 *
 * @param language the document's citation syntax, or `undefined` for text with none (ids and DOIs only).
 */
export function hoverTargetsAt(text: string, language: CitationLanguage | undefined, offset: number): HoverTarget[] {
  const targets: HoverTarget[] = [];
  const key = language && citationKeyAt(text, language, offset);
  if (key) {
    targets.push(key);
  }
  const token = tokenAt(text, offset);
  if (!token) {
    return targets;
  }
  const written = text.slice(token.start, token.end);
  const arxivId = findArxivId(written);
  if (arxivId) {
    targets.push({ kind: 'arxivId', arxivId, ...token });
  }
  const doi = findDoi(written);
  if (doi) {
    targets.push({ kind: 'doi', doi, ...token });
  }
  return targets;
}

/**
 * The run of non-space characters around `offset`, without the brackets, quotes and sentence punctuation around
 * it (a closing parenthesis stays when the token opened it: `10.1002/(SICI)1097`).
 */
function tokenAt(text: string, offset: number): { start: number; end: number } | undefined {
  let start = offset;
  while (start > 0 && offset - start < MAX_TOKEN && !/\s/.test(text[start - 1])) {
    start--;
  }
  let end = offset;
  while (end < text.length && end - offset < MAX_TOKEN && !/\s/.test(text[end])) {
    end++;
  }
  while (start < end && OPENERS.includes(text[start])) {
    start++;
  }
  for (; end > start && ENDERS.includes(text[end - 1]); end--) {
    const closer = text[end - 1];
    const opener = '([{'[')]}'.indexOf(closer)];
    if (opener && count(text, start, end, opener) >= count(text, start, end, closer)) {
      break;
    }
  }
  return start <= offset && offset < end ? { start, end } : undefined;
}

function count(text: string, start: number, end: number, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c, start); i >= 0 && i < end; i = text.indexOf(c, i + 1)) {
    n++;
  }
  return n;
}

function citationKeyAt(text: string, language: CitationLanguage, offset: number): HoverTarget | undefined {
  // Asking one character further puts the pointer inside a key it is on the first letter of, or on Pandoc's `@`.
  const found = citationAt(text, language, Math.min(offset + 1, text.length));
  const lead = language === 'markdown' ? 1 : 0;
  const key = found?.citation.keys.find((k) => k.start - lead <= offset && offset < k.end);
  return key && { kind: 'citationKey', key: key.key, start: key.start, end: key.end };
}
