import { foldCase } from '../../corpus/text';
import type { BibliographicFields } from '../model/bibliographic';
import { STOP_WORDS } from '../../search/tokenize';

/**
 * Generated citation keys in the common style of Google Scholar and Better BibTeX's default: the first author's
 * family name, the year, and the first significant word of the title, in lower-case ASCII (`vaswani2017attention`).
 * They are stable (the same paper gets the same key on every reload) and readable in a LaTeX source.
 */

/** Letters that lose no mark under NFKD but have a usual ASCII spelling. */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const NOT_ASCII_SPELLED = /[ßæœøłđðþı]/g;
const MATH = /\$[^$]*\$/g;

/** The key a paper would get, before it is made unique: `family` + `year` + `word`, each part possibly empty. */
export function citationKeyBase(title: string, fields: Pick<BibliographicFields, 'authors' | 'issued'>): string {
  const first = fields.authors?.[0];
  const family = first ? (first.family ?? first.literal?.split(/\s+/)[0] ?? first.given ?? '') : '';
  const word = title
    .replace(MATH, ' ')
    .split(/[\s\-–—/:]+/)
    .map(asciiWord)
    .find((candidate) => candidate.length > 0 && !STOP_WORDS.has(candidate));
  const key = `${asciiWord(family)}${fields.issued?.year ?? ''}${word ?? ''}`;
  return key || 'paper';
}

/**
 * `base` if no key in `taken` is that, else `base` with the first free suffix of `a`, `b`, … `z`, `aa`, `ab`, …
 * (the style BibTeX users know from `2017a`, `2017b`). Deterministic: the same keys taken give the same answer.
 */
export function uniqueCitationKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let n = 0; ; n++) {
    const candidate = base + letterSuffix(n);
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
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
  return foldCase(text)
    .replace(NOT_ASCII_SPELLED, (letter) => ASCII_SPELLINGS[letter])
    .replace(/[^a-z0-9]/g, '');
}
