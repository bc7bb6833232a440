import type { PublicationDate } from '../../model/bibliographic';

/**
 * Which arXiv records to keep: by category and by submission date. The snapshot holds ~2.8 million records and a
 * researcher wants a field of it, so most lines are dropped; `preFilter` decides from a line's raw bytes, before
 * it is decoded or parsed, which is what makes reading the whole snapshot take seconds rather than minutes.
 */
export interface ArxivFilter {
  /** Exact category names (`cs.CL`). */
  readonly categories: readonly string[];
  /** Archive prefixes, with their dot (`cs.` takes `cs.LG`, `cs.CL`, …). */
  readonly prefixes: readonly string[];
  /** Inclusive bounds on the submission date, as `yyyymmdd` numbers. */
  readonly from?: number;
  readonly to?: number;
}

/** The settings' shape: categories as the user writes them, dates as `2020`, `2020-06` or `2020-06-15`. */
export interface ArxivFilterSettings {
  readonly categories?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

/** A category name or prefix as arXiv writes them: `cs.LG`, `hep-th`, `math-ph`, `q-bio.NC`, or a prefix `cs.`. */
const CATEGORY = /^[A-Za-z][A-Za-z-]*(\.[A-Za-z-]*)?$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The filter the settings describe, or undefined when they keep everything; entries that are not a category or
 * a date are left out and described in `problems` (for the Output channel, the CLI's error).
 */
export function parseArxivFilter(settings: ArxivFilterSettings): { filter?: ArxivFilter; problems: string[] } {
  const problems: string[] = [];
  const categories: string[] = [];
  const prefixes: string[] = [];
  for (const raw of settings.categories ?? []) {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!CATEGORY.test(name)) {
      problems.push(`${JSON.stringify(raw)} is not an arXiv category (such as cs.LG) or archive prefix (such as cs.)`);
    } else if (name.endsWith('.')) {
      prefixes.push(name);
    } else {
      categories.push(name);
    }
  }
  const from = parseDateBound(settings.from, 'from', problems);
  const to = parseDateBound(settings.to, 'to', problems);
  if (categories.length + prefixes.length === 0 && from === undefined && to === undefined) {
    return { problems };
  }
  return {
    filter: { categories, prefixes, ...(from !== undefined && { from }), ...(to !== undefined && { to }) },
    problems,
  };
}

/** `2020` from its first day, to its last; months and days likewise. */
function parseDateBound(text: string | undefined, bound: 'from' | 'to', problems: string[]): number | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const match = DATE.exec(text.trim());
  if (!match) {
    problems.push(`${JSON.stringify(text)} is not a date (write 2020, 2020-06 or 2020-06-15)`);
    return undefined;
  }
  const [year, month, day] = [
    Number(match[1]),
    match[2] ? Number(match[2]) : undefined,
    match[3] ? Number(match[3]) : undefined,
  ];
  const first = bound === 'from';
  return year * 10000 + (month ?? (first ? 1 : 12)) * 100 + (day ?? (first ? 1 : 31));
}

/** What the raw bytes say about a record: dropped, kept, or unknown until it is parsed (the field was not found as expected). */
export type PreFilterResult = 'drop' | 'keep' | 'unknown';

const QUOTE = 0x22;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const CATEGORIES_KEY = asciiBytes('"categories":"');
/** The first `created` in a record is its first version's: `versions` is the only field that has one. */
const CREATED_KEY = asciiBytes('"created":"');

/**
 * Decides from a line's bytes whether to keep its record, by the `"categories":"…"` value and the first
 * `"created":"…"` value as the snapshot writes them (no space after the colon). Those byte sequences cannot occur
 * inside a JSON string (its quotes would be escaped), so a match is the field itself. A record written any other
 * way is `unknown`, and `matchesRecord` decides once it is parsed.
 */
export function preFilter(filter: ArxivFilter, line: Uint8Array): PreFilterResult {
  let known = true;
  if (filter.categories.length + filter.prefixes.length > 0) {
    const at = indexOfBytes(line, CATEGORIES_KEY, 0);
    const end = at < 0 ? -1 : line.indexOf(QUOTE, at + CATEGORIES_KEY.length);
    const match = end < 0 ? undefined : categoryBytesMatch(filter, line, at + CATEGORIES_KEY.length, end);
    if (match === undefined) {
      known = false;
    } else if (!match) {
      return 'drop';
    }
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const at = indexOfBytes(line, CREATED_KEY, 0);
    const date = at < 0 ? undefined : rfc2822DayBytes(line, at + CREATED_KEY.length);
    if (date === undefined) {
      known = false;
    } else if (!inRange(filter, date)) {
      return 'drop';
    }
  }
  return known ? 'keep' : 'unknown';
}

/** The same decision once the record is parsed: its categories, and its submission date when it has one. */
export function matchesRecord(
  filter: ArxivFilter,
  categories: readonly string[],
  issued: PublicationDate | undefined,
): boolean {
  if (filter.categories.length + filter.prefixes.length > 0) {
    const wanted = categories.some(
      (c) => filter.categories.includes(c) || filter.prefixes.some((p) => c.startsWith(p)),
    );
    if (!wanted) {
      return false;
    }
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    if (!issued) {
      return false;
    }
    return inRange(filter, issued.year * 10000 + (issued.month ?? 1) * 100 + (issued.day ?? 1));
  }
  return true;
}

function inRange(filter: ArxivFilter, day: number): boolean {
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
}

/**
 * The space-separated names in `line[start, end)` against the filter, compared as bytes (category names are
 * ASCII); undefined if the value has an escape, which only parsing can read.
 */
function categoryBytesMatch(filter: ArxivFilter, line: Uint8Array, start: number, end: number): boolean | undefined {
  for (let i = start; i < end; i++) {
    if (line[i] === BACKSLASH) {
      return undefined;
    }
  }
  let nameStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || line[i] === SPACE) {
      if (i > nameStart) {
        for (const name of filter.categories) {
          if (i - nameStart === name.length && asciiEquals(line, nameStart, name)) {
            return true;
          }
        }
        for (const prefix of filter.prefixes) {
          if (i - nameStart > prefix.length && asciiEquals(line, nameStart, prefix)) {
            return true;
          }
        }
      }
      nameStart = i + 1;
    }
  }
  return false;
}

function asciiEquals(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + i] !== text.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The day of an RFC 2822 date (`Mon, 2 Apr 2007 19:18:42 GMT`, RFC 2822 §3.3) as `yyyymmdd`, read from bytes.
 * The day is the one written (arXiv writes GMT); undefined if the bytes are not such a date.
 */
function rfc2822DayBytes(bytes: Uint8Array, start: number): number | undefined {
  const end = bytes.indexOf(QUOTE, start);
  if (end < 0 || end - start > 64) {
    return undefined;
  }
  let text = '';
  for (let i = start; i < end; i++) {
    text += String.fromCharCode(bytes[i]);
  }
  const date = parseRfc2822Date(text);
  return date && date.year * 10000 + date.month * 100 + date.day;
}

const RFC2822 = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\b/;

/** `Mon, 2 Apr 2007 19:18:42 GMT` (RFC 2822 §3.3; the weekday is optional) as the day written, or undefined. */
export function parseRfc2822Date(text: string): { year: number; month: number; day: number } | undefined {
  const match = RFC2822.exec(text);
  if (!match) {
    return undefined;
  }
  const month = MONTHS.indexOf(match[2][0].toUpperCase() + match[2].slice(1).toLowerCase()) + 1;
  const day = Number(match[1]);
  if (month === 0 || day < 1 || day > 31) {
    return undefined;
  }
  return { year: Number(match[3]), month, day };
}

/** Where `needle` starts in `haystack` at or after `from`, or -1: `indexOf` (native) finds each candidate's first byte. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let at = haystack.indexOf(first, from); at >= 0 && at <= last; at = haystack.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) {
      i++;
    }
    if (i === needle.length) {
      return at;
    }
  }
  return -1;
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
