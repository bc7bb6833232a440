/**
 * Letters and characters that Unicode normalization leaves as they are but
 * that a reader does not: `Łódź` is searched as `lodz`, `Straße` as
 * `strasse`, and a zero-width space inside `Hyper​networks` is not there at
 * all. Used on both sides of search (the index and the query), so either
 * spelling finds the other.
 */

/**
 * Letters with no decomposition (NFKD leaves them whole, unlike `é` = `e` +
 * `´`), spelled as a reader without them would type them. Both cases, so the
 * fold can run before or after lower-casing.
 */
// prettier-ignore
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ẞ: 'SS', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ȷ: 'j', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'ng', Ŋ: 'NG',
  ƒ: 'f', ƀ: 'b', Ɨ: 'I', ɨ: 'i', ʉ: 'u', Ʉ: 'U', ɍ: 'r', Ɍ: 'R', ɏ: 'y', Ɏ: 'Y', ƶ: 'z', Ƶ: 'Z', ĸ: 'q',
  ɖ: 'd', Ɖ: 'D', ɗ: 'd', Ɗ: 'D', ƈ: 'c', Ƈ: 'C', ɓ: 'b', Ɓ: 'B', ƙ: 'k', Ƙ: 'K', ʈ: 't', Ʈ: 'T', ɲ: 'n',
  Ɲ: 'N', ƴ: 'y', Ƴ: 'Y', ȥ: 'z', Ȥ: 'Z',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Characters that take no room and carry no letter: zero-width space,
 * non-joiner and joiner, word joiner and the invisible operators, soft
 * hyphen, a byte-order mark inside text, the Mongolian vowel separator, the
 * combining grapheme joiner, and variation selectors (both blocks).
 */
export const INVISIBLE = /[\u00AD\u034F\u180E\u200B-\u200D\u2060-\u2064\uFEFF\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** Whether text holds any {@link INVISIBLE} character. */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** The text without its {@link INVISIBLE} characters, which never split or change a word. */
export function removeInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, '') : text;
}

/** Spells the letters that decomposition leaves whole as their base letters: `Łódź` → `Lódź`, `Straße` → `Strasse`, `æ` → `ae`. */
export function foldLetters(text: string): string {
  return text.replace(LETTER_FOLD_PATTERN, (c) => LETTER_FOLDS[c]);
}
