/**
 * Text helpers shared by labels, dedupe and the search index. They work on a
 * copy of the text: the original, TeX included, is what the user sees.
 *
 * Nearly all corpus text is ASCII, and for 100,000 abstracts the Unicode
 * work (normalization, `\p{…}` classes) is most of the indexing time, so each
 * helper takes a plain-ASCII path when it can and gives the same answer.
 */

import { foldLetters, removeInvisible } from './letters';
import { parseTex } from './tex';

const NON_ASCII = /[^\x00-\x7f]/;
/** Combining marks, but for the kana voicing marks. */
const ACCENTS = /[^\P{M}\u3099\u309A]+/gu;

/**
 * Characters that change the direction text is shown in, so that a title or a
 * file name displays as something it is not (`Invoice \u202Egpj.exe` reads
 * as `Invoice exe.jpg`).
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const TEX = /[\\$^_{}]/;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * TeX as the words a search reads: text-mode TeX becomes Unicode (`J\\"ager`
 * → `Jäger`, see `tex.ts`) and a formula's markup is dropped, so `$\\ell_2-$`
 * reads as `ell 2-` and `$\\mathcal{L}$` as `L`.
 */
export function stripTex(text: string): string {
  if (!TEX.test(text)) {
    return text;
  }
  let out = '';
  for (const segment of parseTex(text)) {
    out += segment.kind === 'text' ? segment.text : ` ${mathWords(segment.tex)} `;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function mathWords(tex: string): string {
  return tex
    .replace(/\\(?:mathrm|mathbf|mathcal|mathbb|text|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, ' $1 ')
    .replace(/[$^_{}\\]/g, ' ');
}

/**
 * Lower case, accents removed (`é` → `e`), compatibility forms folded (`ﬁ` →
 * `fi`), letters that have no decomposition spelled out (`ł` → `l`, `ß` →
 * `ss`, see `letters.ts`) and invisible characters dropped: the form both the
 * index and the query are compared in. Kana keep their voicing marks (`が` is
 * not `か`), and Hangul its syllables: the result is composed again (NFC).
 */
export function foldCase(text: string): string {
  return isAscii(text)
    ? text.toLowerCase()
    : foldLetters(removeInvisible(text).normalize('NFKD').replace(ACCENTS, '')).toLowerCase().normalize('NFC');
}

/**
 * A key that two copies of the same text share however they were punctuated,
 * spaced or accented. Besides letters and digits it keeps the symbols that
 * make another name (`C` and `C++`, `C#`, `A*`, `≤`): math symbols other than
 * `|` and `~`, and `#` and `*`.
 */
export function textKey(text: string, maxLength = 300): string {
  // `apply` takes any array-like, a typed array included.
  return String.fromCharCode.apply(null, textKeyCodes(text, maxLength) as unknown as number[]);
}

let keyCodes = new Uint16Array(1024);
/** `# * + < = >`: the printable ASCII symbols a key keeps. */
const KEY_SYMBOLS = [0x23, 0x2a, 0x2b, 0x3c, 0x3d, 0x3e];
const NOT_KEY_ASCII = /[^a-z0-9#*+<=>]+/g;
const NOT_KEY = /(?:[^\p{L}\p{N}#*\p{Sm}]|[|~\u00ac])+/gu;

/**
 * `textKey` as character codes, in a buffer that the next call reuses: for a
 * caller that only hashes or compares the key, no string is made. Printable
 * ASCII without TeX (nearly every title) takes one pass that lower-cases
 * letters and keeps them, the digits and the symbols; at 100,000 titles that is a third of
 * the time of lower-casing and a pattern replace.
 */
export function textKeyCodes(text: string, maxLength = 300): Uint16Array {
  if (keyCodes.length < maxLength) {
    keyCodes = new Uint16Array(maxLength);
  }
  // Markup and punctuation make the key shorter than the text, never longer: twice the length is plenty.
  const head = text.length > maxLength * 2 ? text.slice(0, maxLength * 2) : text;
  const codes = keyCodes;
  let n = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (
      c < 0x20 ||
      c > 0x7e ||
      c === 0x5c /* \ */ ||
      c === 0x24 /* $ */ ||
      c === 0x5e /* ^ */ ||
      c === 0x5f /* _ */ ||
      c === 0x7b /* { */ ||
      c === 0x7d /* } */
    ) {
      return codesOf(foldedKey(head, maxLength));
    }
    if (n < maxLength) {
      if (c >= 0x61 && c <= 0x7a) {
        codes[n++] = c;
      } else if (c >= 0x41 && c <= 0x5a) {
        codes[n++] = c + 0x20;
      } else if ((c >= 0x30 && c <= 0x39) || KEY_SYMBOLS.includes(c)) {
        codes[n++] = c;
      }
    }
  }
  return codes.subarray(0, n);
}

/** The key of text with TeX or beyond printable ASCII: markup stripped, case and accents folded, every letter, digit and key symbol kept. */
function foldedKey(head: string, maxLength: number): string {
  const folded = foldCase(stripTex(head));
  return (isAscii(folded) ? folded.replace(NOT_KEY_ASCII, '') : folded.replace(NOT_KEY, '')).slice(0, maxLength);
}

function codesOf(key: string): Uint16Array {
  for (let i = 0; i < key.length; i++) {
    keyCodes[i] = key.charCodeAt(i);
  }
  return keyCodes.subarray(0, key.length);
}
