import { doiKey, findDoi } from '../model/identifiers';
import { foldLetters } from '../text/letters';
import { foldCase } from '../text/text';
import { scanWords, STOP_WORDS, words, type Word } from './tokenize';

/** Queries longer than this are cut: nobody types more, and a pasted essay should not stall the search. */
export const MAX_QUERY_LENGTH = 300;
/** Past this many words, extra words only slow the search down. */
const MAX_QUERY_WORDS = 12;

/** A query word, possibly limited to one field (`title:xlstm`, `abs:lstm`). */
export interface QueryWord extends Word {
  readonly field?: 'title' | 'abstract';
}

/** An inclusive range; an open end is undefined. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
}

/** Filters on a paper's metadata, from `year:`, `upvotes:`, `in:`, `cat:`, `has:code`, `author:`, `venue:`, `key:`, `doi:`. */
export interface QueryFilters {
  readonly year?: NumberRange;
  readonly upvotes?: NumberRange;
  /** Folded words a collection's name must contain, one entry per `in:`. */
  readonly collections: readonly string[];
  /** One entry per `cat:`: arXiv categories (`cs.CL`) or archive prefixes (`cs.`), a paper needs one of each entry's. */
  readonly categories?: readonly (readonly string[])[];
  readonly hasCode?: boolean;
  /** One entry per `author:`, folded (`muller` finds Müller): a name of one of the paper's authors must contain it. */
  readonly authors?: readonly string[];
  /** One entry per `venue:`, folded: the paper's journal or proceedings must contain it. */
  readonly venues?: readonly string[];
  /** `key:`: the paper's citation key, as written. */
  readonly key?: string;
  /** `doi:`: the paper's DOI, compared ignoring case. */
  readonly doi?: string;
}

/** A query as the user typed it, broken into what to look for and what to filter by. */
export interface ParsedQuery {
  readonly text: string;
  /** The free text of the query, without its field filters: what re-ranking compares titles with. */
  readonly plainText: string;
  readonly words: readonly QueryWord[];
  /**
   * The last word is still being typed (no space after it), so it is matched
   * as a prefix: `landmark atten` finds *Landmark Attention*.
   */
  readonly lastIsPrefix: boolean;
  /** Quoted phrases, folded and spaced (`"state space"` → `state space`); each must appear as written. */
  readonly phrases: readonly string[];
  /** `-word`: papers with any of these words are left out. */
  readonly excluded: readonly Word[];
  readonly filters: QueryFilters;
  /** The active filters, in words, for the quick pick to show. */
  readonly description: readonly string[];
}

/** `field:value`, `-word`, `"a phrase"` (also `-"…"` and `field:"…"`), or a bare word. */
const TOKEN = /(-?)(?:([a-z]+):)?("([^"]*)"?|[^\s"]+)/gi;
const RANGE = /^(\d{1,7})?(?:-|\.\.)(\d{1,7})?$/;
const COMPARISON = /^(>=|<=|>|<|=)?(\d{1,7})$/;
/** `cs.CL`, `cs.`, `hep-th`, or several with commas: `cs.CL,stat.ML`. */
const CATEGORIES = /^[a-z][a-z-]*(\.[a-z-]*)?(,[a-z][a-z-]*(\.[a-z-]*)?)*$/i;

/**
 * Curly, low and angle quotes (`“ ” „ ‟ « » ‘ ’ ‚ ‛ ‹ ›`) as the straight
 * double quote the syntax knows. A single quote between two letters or digits
 * is an apostrophe (`it’s`), and stays.
 */
const QUOTES = /[“”„‟«»]|(?<![\p{L}\p{N}])[‘’‚‛‹›]|[‘’‚‛‹›](?![\p{L}\p{N}])/gu;

/** Parses the query syntax; anything it does not understand is searched as plain text. */
export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH).replace(QUOTES, '"');
  const plain: string[] = [];
  const all: QueryWord[] = [];
  const phrases: string[] = [];
  const excluded: Word[] = [];
  const collections: string[] = [];
  const categories: string[][] = [];
  const description: string[] = [];
  let year: NumberRange | undefined;
  let upvotes: NumberRange | undefined;
  let hasCode: boolean | undefined;
  const authors: string[] = [];
  const venues: string[] = [];
  let key: string | undefined;
  let doi: string | undefined;

  for (const m of text.matchAll(TOKEN)) {
    const [, minus, rawField, value, quoted] = m;
    const field = rawField?.toLowerCase();
    const phrase = quoted !== undefined;
    const body = phrase ? quoted : value;
    if (minus && !field) {
      excluded.push(...words(body));
      description.push(`without “${body}”`);
      continue;
    }
    if (field === 'year' && !phrase) {
      const range = parseRange(body);
      if (range) {
        year = range;
        description.push(`year ${describeRange(range)}`);
        continue;
      }
    } else if (field === 'upvotes' && !phrase) {
      const range = parseRange(body);
      if (range) {
        upvotes = range;
        description.push(`upvotes ${describeRange(range)}`);
        continue;
      }
    } else if (field === 'in' && body.trim()) {
      collections.push(foldCase(body.trim()));
      description.push(`in “${body.trim()}”`);
      continue;
    } else if (field === 'cat' && CATEGORIES.test(body)) {
      categories.push(body.split(','));
      description.push(`category ${body.split(',').join(' or ')}`);
      continue;
    } else if ((field === 'author' || field === 'venue') && body.trim()) {
      (field === 'author' ? authors : venues).push(searchFold(body.trim()));
      description.push(`${field} “${body.trim()}”`);
      continue;
    } else if (field === 'key' && body.trim()) {
      key = body.trim();
      description.push(`key ${key}`);
      continue;
    } else if (field === 'doi' && findDoi(body)) {
      doi = doiKey(findDoi(body)!);
      description.push(`DOI ${doi}`);
      continue;
    } else if (field === 'has' && body.toLowerCase() === 'code') {
      hasCode = true;
      description.push('has code');
      continue;
    } else if ((field === 'title' || field === 'abs' || field === 'abstract') && body.trim()) {
      const target = field === 'title' ? ('title' as const) : ('abstract' as const);
      all.push(...words(body).map((w) => ({ ...w, field: target })));
      plain.push(body);
      if (phrase) {
        phrases.push(phraseKey(body));
      }
      description.push(`${target} has “${body}”`);
      continue;
    }
    // A bare word, a phrase, or a field this parser does not know: plain text.
    const free = field ? `${rawField} ${body}` : body;
    all.push(...words(free));
    plain.push(free);
    if (phrase && !field && words(body).length > 1) {
      phrases.push(phraseKey(body));
      description.push(`phrase “${body}”`);
    }
  }
  const limited = all.slice(0, MAX_QUERY_WORDS);
  const content = limited.filter((w) => !(w.parts.length === 1 && STOP_WORDS.has(w.joined)));
  return {
    text,
    plainText: plain.join(' '),
    // A query of stop words only (`the`) is still searched for.
    words: content.length > 0 ? content : limited,
    lastIsPrefix: limited.length > 0 && /[\p{L}\p{N}]$/u.test(text),
    phrases,
    excluded,
    filters: {
      collections,
      ...(categories.length > 0 && { categories }),
      ...(year && { year }),
      ...(upvotes && { upvotes }),
      ...(hasCode && { hasCode }),
      ...(authors.length > 0 && { authors }),
      ...(venues.length > 0 && { venues }),
      ...(key !== undefined && { key }),
      ...(doi !== undefined && { doi }),
    },
    description,
  };
}

/** `2023`, `2020-2023`, `2020..2023`, `>2020`, `>=5`, `<3`, `..2021`; a reversed range (`2024..2019`) is the same range. */
function parseRange(value: string): NumberRange | undefined {
  const range = RANGE.exec(value);
  if (range && (range[1] || range[2])) {
    const min = range[1] === undefined ? undefined : Number(range[1]);
    const max = range[2] === undefined ? undefined : Number(range[2]);
    return min !== undefined && max !== undefined && min > max ? { min: max, max: min } : { min, max };
  }
  const comparison = COMPARISON.exec(value);
  if (!comparison) {
    return undefined;
  }
  const n = Number(comparison[2]);
  switch (comparison[1]) {
    case '>':
      return { min: n + 1 };
    case '>=':
      return { min: n };
    case '<':
      return { max: n - 1 };
    case '<=':
      return { max: n };
    default:
      return { min: n, max: n };
  }
}

function describeRange(range: NumberRange): string {
  if (range.min !== undefined && range.max !== undefined) {
    return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
  }
  return range.min !== undefined ? `≥ ${range.min}` : `≤ ${range.max}`;
}

/**
 * The text's words in search form (TeX read, case and accents folded, runs of
 * Chinese or Japanese split into words), each followed by one space and the
 * first preceded by one: how phrases are compared.
 */
export function phraseKey(text: string): string {
  let key = ' ';
  scanWords(text, (joined, parts) => {
    for (const part of parts ?? [joined]) {
      key += `${part} `;
    }
  });
  return key;
}

export function inRange(value: number | undefined, range: NumberRange | undefined): boolean {
  if (!range) {
    return true;
  }
  if (value === undefined) {
    return false;
  }
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

/**
 * A test of an arXiv category name: is it one of `wanted`, a category (`cs.CL`, in any case) or an archive prefix
 * ending in a dot (`cs.` takes `cs.LG`, `cs.CL`…).
 */
export function categoryMatcher(wanted: readonly string[]): (category: string) => boolean {
  const folded = wanted.map((w) => w.toLowerCase());
  return (category) => {
    const c = category.toLowerCase();
    return folded.some((w) => (w.endsWith('.') ? c.length > w.length && c.startsWith(w) : c === w));
  };
}

/** Case, accents and letters without a decomposition folded, so `muller` meets `Müller` and `lukasz` `Łukasz`. */
export function searchFold(text: string): string {
  return foldCase(foldLetters(text));
}
