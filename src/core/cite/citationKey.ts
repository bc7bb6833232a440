import type { BibliographicFields } from '../model/bibliographic';
import { STOP_WORDS } from '../search/tokenize';
import { foldLetters } from '../text/letters';
import { findMathSpans } from '../text/tex';
import { foldCase } from '../text/text';

/**
 * Generated citation keys in the common style of Google Scholar and Better BibTeX's default: the first author's
 * family name, the year, and the first significant word of the title, in lower-case ASCII (`vaswani2017attention`).
 * They are stable (the same paper gets the same key on every reload) and readable in a LaTeX source.
 */

/** The key a paper would get, before it is made unique: `family` + `year` + `word`, each part possibly empty. */
export function citationKeyBase(title: string, fields: Pick<BibliographicFields, 'authors' | 'issued'>): string {
  const first = fields.authors?.[0];
  const family = first ? (first.family ?? first.literal?.split(/\s+/)[0] ?? first.given ?? '') : '';
  const key = `${asciiWord(family)}${fields.issued?.year ?? ''}${firstSignificantWord(title)}`;
  return key || 'paper';
}

/**
 * `base` if no key in `taken` is that, else `base` with the first free suffix of `a`, `b`, … `z`, `aa`, `ab`, …
 * (the style BibTeX users know from `2017a`, `2017b`). Deterministic: the same keys taken give the same answer.
 *
 * A caller that makes many keys, adding each to `taken`, passes the same `tried` map to every call: it keeps, by
 * base, the suffixes already found taken, so that n papers with one base cost n lookups rather than n²/2 (200,000
 * untitled abstracts all have the base `paper`). `taken` must only grow between such calls.
 */
export function uniqueCitationKey(
  base: string,
  taken: { has(key: string): boolean },
  tried?: { get(base: string): number | undefined; set(base: string, suffix: number): unknown },
): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let n = tried?.get(base) ?? 0; ; n++) {
    const candidate = base + letterSuffix(n);
    if (!taken.has(candidate)) {
      tried?.set(base, n + 1);
      return candidate;
    }
  }
}

/** `base` with the n-th letter suffix: none for 0, `a` for 1, `z` for 26, `aa` for 27, … */
export function suffixedCitationKey(base: string, n: number): string {
  return n === 0 ? base : base + letterSuffix(n - 1);
}

/** 0 → a, 25 → z, 26 → aa, … */
function letterSuffix(n: number): string {
  let suffix = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  }
  return suffix;
}

/** Lower-case ASCII letters and digits of `text`, accents dropped and `ß`, `ø`, … spelled out. */
function asciiWord(text: string): string {
  return foldCase(foldLetters(text)).replace(/[^a-z0-9]/g, '');
}

/** The title's first word that is not a stop word, as `asciiWord` spells it; `''` if it has none. */
function firstSignificantWord(title: string): string {
  for (const part of withoutMath(title).split(/[\s\-–—/:]+/)) {
    const word = asciiWord(part);
    if (word.length > 0 && !STOP_WORDS.has(word)) {
      return word;
    }
  }
  return '';
}

/** The title's words only: a formula (`$\\ell_1$`) is no word to name a paper by. */
function withoutMath(title: string): string {
  let text = '';
  let from = 0;
  for (const span of findMathSpans(title)) {
    text += `${title.slice(from, span.start)} `;
    from = span.end;
  }
  return text + title.slice(from);
}
