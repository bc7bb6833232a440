import { citationAt } from './citationContext';
import type { CitationLanguage } from './citationLanguage';

/** Something under the pointer that may name a paper; offsets are the text's (end exclusive). */
export type HoverTarget =
  | { readonly kind: 'citationKey'; readonly key: string; readonly start: number; readonly end: number }
  /** New style `2401.12345` or old style `hep-th/9901001`, without `arXiv:` and without a version. */
  | { readonly kind: 'arxivId'; readonly arxivId: string; readonly start: number; readonly end: number }
  /** Without `doi:` or the resolver's address, percent-decoded; compare case-insensitively. */
  | { readonly kind: 'doi'; readonly doi: string; readonly start: number; readonly end: number };

/** How far either side of the pointer an identifier is looked for: longer than any id, and bounded on giant lines. */
const WINDOW = 300;

/**
 * The things at `offset` that may name a paper, most specific first: the citation key under it (in LaTeX and
 * Markdown citations), then an arXiv id or a DOI written anywhere (`arXiv:2401.12345v2`, `2401.12345`,
 * `hep-th/9901001`, `https://arxiv.org/abs/…`; `10.1000/xyz`, `doi:…`, `https://doi.org/…`). The caller shows the
 * first one a paper in the library answers to.
 *
 * @param language the document's citation syntax, or `undefined` for text with none (ids and DOIs only).
 */
export function hoverTargetsAt(text: string, language: CitationLanguage | undefined, offset: number): HoverTarget[] {
  const targets: HoverTarget[] = [];
  const key = language && citationKeyAt(text, language, offset);
  if (key) {
    targets.push(key);
  }
  const from = Math.max(0, offset - WINDOW);
  const window = text.slice(from, Math.min(text.length, offset + WINDOW));
  const at = offset - from;
  const arxiv = arxivIdsIn(window).find((id) => id.start <= at && at < id.end);
  if (arxiv) {
    targets.push({ ...arxiv, start: arxiv.start + from, end: arxiv.end + from });
  }
  const doi = doisIn(window).find((d) => d.start <= at && at < d.end);
  if (doi) {
    targets.push({ ...doi, start: doi.start + from, end: doi.end + from });
  }
  return targets;
}

function citationKeyAt(text: string, language: CitationLanguage, offset: number): HoverTarget | undefined {
  // Asking one character further puts the pointer inside a key it is on the first letter of, or on Pandoc's `@`.
  const found = citationAt(text, language, Math.min(offset + 1, text.length));
  const lead = language === 'markdown' ? 1 : 0;
  const key = found?.citation.keys.find((k) => k.start - lead <= offset && offset < k.end);
  return key && { kind: 'citationKey', key: key.key, start: key.start, end: key.end };
}

/** Archives of arXiv's old-style ids (before April 2007), with an optional subject class (`math.AG/0601001`). */
const OLD_ARCHIVES =
  'acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|dg-ga|' +
  'funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math|math-ph|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|physics|plasm-ph|' +
  'q-alg|q-bio|q-fin|quant-ph|solv-int|stat|supr-con';
const ARXIV_ID = new RegExp(
  String.raw`(?:(?:\barXiv:\s?|\barxiv\.org/(?:abs|pdf)/)|(?<![\w./-]))` +
    String.raw`(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|(?:${OLD_ARCHIVES})(?:\.[A-Za-z]{2})?/\d{2}(?:0[1-9]|1[0-2])\d{3})` +
    String.raw`(?:v\d+)?(?!\w|\.\d)`,
  'gi',
);

/** Every arXiv id written in `text`, with the span of what was written (prefix and version included). */
export function arxivIdsIn(text: string): { kind: 'arxivId'; arxivId: string; start: number; end: number }[] {
  return [...text.matchAll(ARXIV_ID)].map((m) => ({
    kind: 'arxivId',
    arxivId: canonicalArxivId(m[1]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Old-style ids are `archive/YYMMNNN`: the subject class some authors write (`math.AG/…`) is not part of the id. */
function canonicalArxivId(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0
    ? id
    : id
        .slice(0, slash)
        .replace(/\.[A-Za-z]{2}$/, '')
        .toLowerCase() + id.slice(slash);
}

const DOI = /(?:(?:\bdoi:\s?|\bhttps?:\/\/(?:dx\.)?doi\.org\/)|(?<![\w./-]))(10\.\d{4,9}(?:\/|%2F)[^\s"'<>{}|\\^`]+)/gi;
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** Every DOI written in `text`, without the punctuation that ends a sentence or closes a bracket around it. */
export function doisIn(text: string): { kind: 'doi'; doi: string; start: number; end: number }[] {
  return [...text.matchAll(DOI)].map((m) => {
    let doi = m[1];
    for (;;) {
      const last = doi[doi.length - 1];
      const unbalanced = last in CLOSERS && count(doi, last) > count(doi, CLOSERS[last]);
      if (!'.,;:!?'.includes(last) && !unbalanced) {
        break;
      }
      doi = doi.slice(0, -1);
    }
    const start = m.index;
    const end = m.index + m[0].length - (m[1].length - doi.length);
    return { kind: 'doi', doi: percentDecoded(doi), start, end };
  });
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

function percentDecoded(doi: string): string {
  try {
    return decodeURIComponent(doi);
  } catch {
    return doi;
  }
}
