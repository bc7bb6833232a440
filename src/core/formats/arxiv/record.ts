import type { BibliographicFields, PersonName, PublicationDate } from '../../model/bibliographic';
import { findDoi, parseArxivId } from '../../model/identifiers';
import { texToUnicode } from '../../text/tex';
import { parseRfc2822Date } from './filter';
import { authorsFromParsed, authorsFromText } from './authors';
import type { CategoryLists } from './categoryLists';

/**
 * One record of the arXiv metadata snapshot (Kaggle's `arxiv-metadata-oai-snapshot.json`, one JSON object a line):
 * `id`, `submitter`, `authors`, `title`, `comments`, `journal-ref`, `doi`, `report-no`, `categories`, `license`,
 * `abstract`, `versions` (`[{version, created}]`, `created` in RFC 2822), `update_date`, `authors_parsed`
 * (`[[family, given, suffix]]`). The quirks: titles and abstracts are hard-wrapped with `"\n  "`, abstracts start
 * with two spaces, and `update_date` is when the metadata changed, not when the paper appeared.
 */
export interface ArxivRecord {
  /** Unwrapped; text-mode TeX in Unicode (`\\'e` → `é`), math kept as `$…$`. */
  readonly title: string;
  /** Unwrapped; TeX as written, for the abstract tab to typeset. */
  readonly abstract: string;
  /** `arxivId` is always set; `issued` is the first version's submission day. */
  readonly bibliographic: BibliographicFields & { readonly arxivId: string };
}

export type ArxivRecordResult = { readonly record: ArxivRecord } | { readonly problem: string };

/** A number where the id should be a string: `0704.0010` read as a number is `704.001`, so it is taken from the line. */
const NUMERIC_ID = /"id"\s*:\s*(\d{4}\.\d{4,5})\b/;

/**
 * Maps a parsed record to the paper's title, abstract and bibliographic fields (no `url`: the arXiv id makes it).
 * `line` is the record's JSON text, used only to recover an id written as a number; `lists` shares equal
 * category lists. A record without an id or a title is a problem, not a paper;
 * a field of the wrong type is left out.
 */
export function arxivRecord(value: unknown, line?: string, lists?: CategoryLists): ArxivRecordResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'not a JSON object' };
  }
  const json = value as Record<string, unknown>;
  const id = recordId(json.id, line);
  if (id === undefined) {
    return {
      problem: json.id === undefined ? 'the record has no "id"' : `"id" ${JSON.stringify(json.id)} is not an arXiv id`,
    };
  }
  if (typeof json.title !== 'string' || unwrap(json.title) === '') {
    return { problem: `the record ${id} has no "title"` };
  }
  const bibliographic: { -readonly [K in keyof ArxivRecord['bibliographic']]: ArxivRecord['bibliographic'][K] } = {
    arxivId: id,
  };
  const authors = recordAuthors(json.authors_parsed, json.authors);
  if (authors.length > 0) {
    bibliographic.authors = authors;
  }
  const issued = submissionDate(json.versions) ?? dateFromId(id);
  if (issued) {
    bibliographic.issued = issued;
  }
  if (typeof json.categories === 'string') {
    const categories = json.categories.split(/\s+/).filter((c) => c !== '');
    if (categories.length > 0) {
      bibliographic.categories = lists ? lists.intern(categories) : categories;
    }
  }
  const doi = typeof json.doi === 'string' ? findDoi(json.doi) : undefined;
  if (doi) {
    bibliographic.doi = doi;
  }
  const venue = typeof json['journal-ref'] === 'string' ? texToUnicode(unwrap(json['journal-ref'])) : '';
  if (venue) {
    bibliographic.venue = venue;
  }
  return {
    record: {
      title: texToUnicode(unwrap(json.title)),
      abstract: typeof json.abstract === 'string' ? unwrap(json.abstract) : '',
      bibliographic,
    },
  };
}

/** The id as a string without `arXiv:` or a version; a number only when the line shows how it was written. */
function recordId(value: unknown, line: string | undefined): string | undefined {
  if (typeof value === 'string') {
    return parseArxivId(value);
  }
  const written = typeof value === 'number' && line !== undefined ? NUMERIC_ID.exec(line)?.[1] : undefined;
  return written === undefined ? undefined : parseArxivId(written);
}

/**
 * Hard wraps (`"\n  "`) and leading spaces gone, every run of white space one space. The snapshot's own wraps are
 * replaced as literal strings, which is several times quicker than any pattern over a whole abstract; only text with
 * other runs of white space (rare) goes through one.
 */
export function unwrap(text: string): string {
  let out = text.trim();
  if (out.includes('\n')) {
    out = out.replaceAll('\n  ', ' ');
    if (out.includes('\n')) {
      out = out.replaceAll('\n', ' ');
    }
  }
  return out.includes('  ') || out.includes('\t') || out.includes('\r') ? out.replace(/\s+/g, ' ') : out;
}

function recordAuthors(parsed: unknown, text: unknown): readonly PersonName[] {
  const fromParsed = Array.isArray(parsed) ? authorsFromParsed(parsed) : [];
  return fromParsed.length > 0 ? fromParsed : typeof text === 'string' ? authorsFromText(text) : [];
}

/** The first version's `created`: the day the paper was submitted. */
function submissionDate(versions: unknown): PublicationDate | undefined {
  if (!Array.isArray(versions) || versions.length === 0) {
    return undefined;
  }
  const created = (versions[0] as { created?: unknown } | null)?.created;
  return typeof created === 'string' ? parseRfc2822Date(created) : undefined;
}

/** New-style ids start with the year and month of submission (`0704.0001`: April 2007); old-style ones end in it (`hep-th/9901001`). */
function dateFromId(id: string): PublicationDate | undefined {
  const match = /^(\d{2})(\d{2})\./.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!match) {
    return undefined;
  }
  const yy = Number(match[1]);
  const month = Number(match[2]);
  // arXiv began in 1991: old-style years 91–99 are the 1990s, every other year this century.
  return month >= 1 && month <= 12 ? { year: yy >= 91 ? 1900 + yy : 2000 + yy, month } : undefined;
}
