/**
 * Text helpers shared by labels, dedupe and the search index. They work on a
 * copy of the text: the original, TeX included, is what the user sees.
 */

/** Drops TeX markup so `$\ell_2-$` reads as `ell 2-` and `\emph{scan}` as `scan`. */
export function stripTex(text: string): string {
  return text
    .replace(/\\(?:emph|textbf|textit|mathrm|mathbf|mathcal|text|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, ' $1 ')
    .replace(/[$^_{}\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, accents removed (`é` → `e`), NFKC-compatible forms folded. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A key that two copies of the same text share however they were punctuated or spaced. */
export function textKey(text: string, maxLength = 300): string {
  return foldCase(stripTex(text))
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .slice(0, maxLength);
}
