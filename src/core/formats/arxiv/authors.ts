import type { PersonName } from '../../model/bibliographic';
import { texToUnicode } from '../../text/tex';

/**
 * Authors from the snapshot's `authors_parsed`: `[family, given, suffix]` per author, already split and nearly
 * always in Unicode (`[["Balázs", "C.", ""]]`; what TeX is left is converted). An entry that is not such a list is
 * left out.
 */
export function authorsFromParsed(parsed: readonly unknown[]): PersonName[] {
  const names: PersonName[] = [];
  for (const entry of parsed) {
    if (!Array.isArray(entry)) {
      continue;
    }
    const [family, given, suffix] = entry.map((part) => (typeof part === 'string' ? namePart(part) : ''));
    if (!family && !given) {
      continue;
    }
    const name: { -readonly [K in keyof PersonName]: PersonName[K] } = {};
    if (family) {
      name.family = family;
    }
    if (given) {
      name.given = given;
    }
    if (suffix) {
      name.suffix = suffix;
    }
    names.push(name);
  }
  return names;
}

function namePart(text: string): string {
  const spaced = text.replace(/\s+/g, ' ').trim();
  return /[\\{}~]/.test(spaced) ? texToUnicode(spaced) : spaced;
}

/** Affiliations in parentheses (`A. Author (1), … ((1) CERN)`), nested one level, which are not names. */
const AFFILIATIONS = /\s*\((?:[^()]|\([^()]*\))*\)/g;
/** Names are separated by commas and by `and` (`A, B and C`, `A, B, and C`). */
const SEPARATOR = /\s*,\s*(?:and\s+)?|\s+and\s+/;

/**
 * Authors from the snapshot's `authors` text (`C. Bal\'azs, E. L. Berger and C.-P. Yuan`, TeX converted), for a
 * record without `authors_parsed`: the family name is the last word, as arXiv writes names given-name first.
 */
export function authorsFromText(text: string): PersonName[] {
  return texToUnicode(text)
    .replace(AFFILIATIONS, '')
    .split(SEPARATOR)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .map((name) => {
      const space = name.lastIndexOf(' ');
      return space < 0 ? { family: name } : { family: name.slice(space + 1), given: name.slice(0, space) };
    });
}
