import type { BibliographicFields, PersonName, PublicationDate } from '../../model/bibliographic';
import { arxivIdOfDoi, findArxivId, findDoi } from '../../model/identifiers';
import { stripCslMarkup } from './cslMarkup';

/**
 * A CSL-JSON item (https://github.com/citation-style-language/schema, csl-data.json) brought to the library's
 * shape. Exports disagree on the details, so every variable is checked, not trusted: Zotero writes years in
 * `date-parts` as strings, some tools a one-level array or only `raw`, and a value of the wrong kind costs that
 * value, not the item. BibTeX and RIS entries pass through here too, after citation-js has made them CSL items.
 */
export interface NormalisedItem {
  readonly title: string;
  readonly abstract: string;
  readonly bibliographic: BibliographicFields;
  /** Values that were of the wrong kind and left out, in words (`its author list is not a list`). */
  readonly repairs: readonly string[];
}

/** The nearest BibTeX entry type of a CSL item type. */
const ENTRY_TYPES: Readonly<Record<string, string>> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  book: 'book',
  chapter: 'incollection',
  thesis: 'phdthesis',
  report: 'techreport',
  manuscript: 'unpublished',
};
const YEAR_MONTH_DAY = /\b(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\b/;
/** What a citation key can look like when a tool puts it in `id` (Pandoc, Better BibTeX); Zotero's ids are URLs. */
const KEY_LIKE_ID = /^[A-Za-z][\w:.'+-]*$/;

/**
 * Normalises one CSL item; returns a message instead when `item` is not an object (the item is then skipped).
 */
export function normaliseCslItem(item: unknown): NormalisedItem | string {
  if (!isRecord(item)) {
    return `it is not a CSL item (an object) but ${describe(item)}`;
  }
  const repairs: string[] = [];
  const doi = text(item.DOI) ?? text(item.doi);
  const url = text(item.URL);
  const fields: BibliographicFields = {
    citationKey: text(item['citation-key']) ?? keyLikeId(item.id),
    entryType: ENTRY_TYPES[String(item.type)] ?? 'misc',
    authors: names(item.author, repairs),
    issued: cslDate(item.issued),
    venue: clean(text(item['container-title']) ?? text(item['event-title']) ?? text(item.event)),
    doi: doi === undefined ? undefined : findDoi(doi),
    arxivId: arxivIdOf(item, doi, url),
    url,
    keywords: keywordList(text(item.keyword)),
  };
  return {
    title: clean(text(item.title)) ?? '',
    abstract: text(item.abstract)?.trim() ?? '',
    bibliographic: withoutUndefined(fields),
    repairs,
  };
}

/** The names of a CSL name variable; a variable that is not a list is left out and said so in `repairs`. */
function names(value: unknown, repairs: string[]): readonly PersonName[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    repairs.push(`its author list is not a list but ${describe(value)}; it is read without authors`);
    return undefined;
  }
  const result: PersonName[] = [];
  for (const name of value) {
    const person = personName(name);
    if (person) {
      result.push(person);
    }
  }
  return result.length > 0 ? result : undefined;
}

/** A CSL name object (or a bare string, read as a literal name); undefined when it holds no name. */
export function personName(value: unknown): PersonName | undefined {
  if (typeof value === 'string') {
    return value.trim() ? { literal: value.trim() } : undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const literal = clean(text(value.literal));
  if (literal) {
    return { literal };
  }
  const family = clean(text(value.family));
  const given = clean(text(value.given));
  const particle = clean(
    [text(value['dropping-particle']), text(value['non-dropping-particle'])].filter((part) => part).join(' '),
  );
  const suffix = clean(text(value.suffix));
  if (!family && !given) {
    return undefined;
  }
  // A family name alone with spaces in it is a corporate or institutional author written as a family name.
  if (family && !given && !particle && !suffix && /\s/.test(family)) {
    return { literal: family };
  }
  return withoutUndefined({ family, given, particle, suffix });
}

/** A CSL date variable: `date-parts` (numbers or strings, one or two levels), `raw`, `literal`, or `year`. */
export function cslDate(value: unknown): PublicationDate | undefined {
  if (!isRecord(value)) {
    return typeof value === 'string' || typeof value === 'number' ? dateInText(String(value)) : undefined;
  }
  const parts = value['date-parts'];
  if (Array.isArray(parts) && parts.length > 0) {
    const first: unknown[] = Array.isArray(parts[0]) ? parts[0] : parts;
    const [year, month, day] = first.map((part) =>
      typeof part === 'number' || typeof part === 'string' ? Number(part) : NaN,
    );
    if (Number.isInteger(year) && year > 0) {
      return dateOf(year, month, day);
    }
  }
  for (const key of ['raw', 'literal', 'year']) {
    const raw = value[key];
    if (typeof raw === 'string' || typeof raw === 'number') {
      const date = dateInText(String(raw));
      if (date) {
        return date;
      }
    }
  }
  return undefined;
}

function dateInText(raw: string): PublicationDate | undefined {
  const match = YEAR_MONTH_DAY.exec(raw);
  return match ? dateOf(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** The date with month and day kept only where they are real ones. */
function dateOf(year: number, month: number | undefined, day: number | undefined): PublicationDate {
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) {
    return { year };
  }
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) {
    return { year, month };
  }
  return { year, month, day };
}

/** Zotero puts an arXiv preprint's id in `number` (`arXiv:1706.03762`); arXiv's own DOIs and URLs carry it too. */
function arxivIdOf(
  item: Record<string, unknown>,
  doi: string | undefined,
  url: string | undefined,
): string | undefined {
  for (const candidate of [text(item.number), text(item.archive_location), text(item.note)]) {
    if (candidate && /arxiv/i.test(candidate)) {
      const id = findArxivId(candidate);
      if (id) {
        return id;
      }
    }
  }
  return (doi && arxivIdOfDoi(findDoi(doi) ?? doi)) || (url && /arxiv\.org/i.test(url) ? findArxivId(url) : undefined);
}

function keyLikeId(id: unknown): string | undefined {
  return typeof id === 'string' && KEY_LIKE_ID.test(id) ? id : undefined;
}

export function keywordList(value: string | undefined): readonly string[] | undefined {
  const keywords = value
    ?.split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword);
  return keywords && keywords.length > 0 ? keywords : undefined;
}

/** A string or number variable as trimmed text; undefined when absent, empty or of another kind. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** Markup gone, runs of white space made one space; undefined when nothing is left. */
function clean(value: string | undefined): string | undefined {
  const cleaned = value === undefined ? '' : stripCslMarkup(value).replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'null';
  }
  return typeof value === 'string'
    ? `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    : `a ${typeof value}`;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
