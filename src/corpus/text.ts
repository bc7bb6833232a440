/**
 * Text helpers shared by labels, dedupe and the search index. They work on a
 * copy of the text: the original, TeX included, is what the user sees.
 *
 * Nearly all corpus text is ASCII, and for 100,000 abstracts the Unicode
 * work (normalization, `\p{…}` classes) is most of the indexing time, so each
 * helper takes a plain-ASCII path when it can and gives the same answer.
 */

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Characters that change the direction text is shown in, so that a title or a
 * file name displays as something it is not (`Invoice \u202Egpj.exe` reads
 * as `Invoice exe.jpg`).
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const TEX = /[\\$^_{}]/;
/** Anything but printable ASCII, or TeX markup: text that needs more than its case folded. */
const NOT_PLAIN = /[^ -~]|[\\$^_{}]/;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Drops TeX markup so `$\ell_2-$` reads as `ell 2-` and `\emph{scan}` as `scan`. */
export function stripTex(text: string): string {
  if (!TEX.test(text)) {
    return text;
  }
  return text
    .replace(/\\(?:emph|textbf|textit|mathrm|mathbf|mathcal|text|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, ' $1 ')
    .replace(/[$^_{}\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, accents removed (`é` → `e`), compatibility forms folded (`ﬁ` → `fi`). */
export function foldCase(text: string): string {
  return isAscii(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A key that two copies of the same text share however they were punctuated or spaced. */
export function textKey(text: string, maxLength = 300): string {
  // Markup and punctuation make the key shorter than the text, never longer: twice the length is plenty.
  const head = text.slice(0, maxLength * 2);
  // Nearly every title: one test, then no TeX to strip and nothing to fold but case.
  if (!NOT_PLAIN.test(head)) {
    return head.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, maxLength);
  }
  const folded = foldCase(stripTex(head));
  return (isAscii(folded) ? folded.replace(/[^a-z0-9]+/g, '') : folded.replace(/[^\p{L}\p{N}]+/gu, '')).slice(0, maxLength);
}
