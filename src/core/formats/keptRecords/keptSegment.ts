import type { BibliographicFields, PersonName } from '../../model/bibliographic';
import { paperDate } from '../../model/dates';
import { StoredAbstract, withStoredAbstract, type AbstractFile } from '../../model/storedAbstract';
import type { MergeKeys, ParsedEntry } from '../parse';
import type { SharedValues } from '../sharedValues';

/**
 * A segment of kept records: up to five hundred snapshot entries (the read worker's batch), each with a stored
 * abstract, as one JSON text made for loading. Names, days and category lists are tables that rows point into, and
 * a row is an array, not an object with its keys spelled out: a third of the bytes of plain JSON, and the extension
 * host makes each shared value once instead of once per paper.
 *
 *     { "names": [[family, given, particle?, suffix?, literal?], …],   absent parts as null
 *       "days": [[year, month?, day?], …],
 *       "categories": ["cs.CL cs.LG", …],
 *       "rows": [[title, line, offset, byteLength, length, day, categories, [name, …], arxivId, doi, venue,
 *                 titleId, citationKeyBase, abstractId, rest], …] }
 *
 * `day` and `categories` are table indices or -1; `arxivId` to `abstractId` are null when absent; `rest` holds
 * whatever else an entry has (other bibliographic fields, other merge keys), or is null.
 */
interface Segment {
  readonly names: readonly (readonly (string | null)[])[];
  readonly days: readonly (readonly (number | null)[])[];
  readonly categories: readonly string[];
  readonly rows: readonly Row[];
}

type Row = readonly [
  title: string | null,
  line: number,
  offset: number,
  byteLength: number,
  length: number,
  day: number,
  categories: number,
  names: readonly number[],
  arxivId: string | null,
  doi: string | null,
  venue: string | null,
  titleId: string | null,
  citationKeyBase: string | null,
  abstractId: string | null,
  rest: Rest | null,
];

/** What an entry has beyond the fields a row spells out. */
interface Rest {
  readonly entry?: Omit<
    ParsedEntry,
    'title' | 'abstract' | 'line' | 'date' | 'bibliographic' | 'storedAbstract' | 'mergeKeys'
  >;
  readonly bibliographic?: BibliographicFields;
  readonly mergeKeys?: MergeKeys;
}

const NAME_PARTS = ['family', 'given', 'particle', 'suffix', 'literal'] as const;

/**
 * Encodes entries whose abstracts are stored as one segment.
 * @throws if an entry's abstract is not stored, or its date is not the one its publication date makes.
 */
export function encodeKeptSegment(entries: readonly ParsedEntry[]): string {
  const names = new Table<readonly (string | null)[]>();
  const days = new Table<readonly (number | null)[]>();
  const categories = new Table<string>();
  const rows = entries.map((entry): Row => {
    // A stored entry's `abstract` is its prototype's getter, not a field of its own: the rest leaves it out
    // without reading it from disk.
    const {
      title,
      line,
      date,
      bibliographic,
      mergeKeys,
      storedAbstract: stored,
      ...otherEntry
    } = entry as Omit<ParsedEntry, 'abstract'>;
    if (!stored) {
      throw new Error('a kept-records segment holds entries with stored abstracts only');
    }
    const { authors, issued, categories: list, arxivId, doi, venue, ...otherFields } = bibliographic ?? {};
    if (!date !== !issued || (date && issued && paperDate(issued).text !== date.text)) {
      throw new Error('a kept-records segment keeps an entry date only as its publication date');
    }
    const { titleId, citationKeyBase, abstractId, ...otherKeys } = mergeKeys ?? {};
    const rest: Rest = {
      ...(Object.keys(otherEntry).length > 0 && { entry: otherEntry }),
      ...(Object.keys(otherFields).length > 0 && { bibliographic: otherFields }),
      ...(Object.keys(otherKeys).length > 0 && { mergeKeys: otherKeys }),
    };
    return [
      title ?? null,
      line,
      stored.offset,
      stored.byteLength,
      stored.length,
      issued ? days.index([issued.year, issued.month ?? null, issued.day ?? null]) : -1,
      list ? categories.index(list.join(' ')) : -1,
      (authors ?? []).map((a) => names.index(NAME_PARTS.map((part) => a[part] ?? null))),
      arxivId ?? null,
      doi ?? null,
      venue ?? null,
      titleId ?? null,
      citationKeyBase ?? null,
      abstractId ?? null,
      Object.keys(rest).length > 0 ? rest : null,
    ];
  });
  return JSON.stringify({ names: names.values, days: days.values, categories: categories.values, rows });
}

/** Distinct values in order of first use, each known by its index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly indices = new Map<string, number>();

  index(value: T): number {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.indices.set(key, index);
    }
    return index;
  }
}

/**
 * Decodes the segments of one kept-records file into entries whose abstracts are read from `file`, with one object
 * for each distinct name, day and category list (`SharedValues`).
 */
export class KeptSegmentDecoder {
  constructor(
    private readonly file: AbstractFile,
    private readonly shared: SharedValues,
  ) {}

  /** @throws if the text is not a segment (the file is read as absent then, and the snapshot read again). */
  decode(json: string): ParsedEntry[] {
    const segment = JSON.parse(json) as Segment;
    const names = segment.names.map((parts) => this.shared.name(personName(parts)));
    const days = segment.days.map(([year, month, day]) => {
      const issued = this.shared.issued({
        year: year!,
        ...(month !== null && { month }),
        ...(day !== null && { day }),
      });
      return { issued, date: this.shared.date(paperDate(issued)) };
    });
    const lists = segment.categories.map((joined) => this.shared.joinedCategories(joined));
    return segment.rows.map((row) => {
      const [
        title,
        line,
        offset,
        byteLength,
        length,
        day,
        list,
        authors,
        arxivId,
        doi,
        venue,
        titleId,
        keyBase,
        abstractId,
        rest,
      ] = row;
      const bibliographic: { -readonly [K in keyof BibliographicFields]: BibliographicFields[K] } = {
        ...rest?.bibliographic,
      };
      if (arxivId !== null) {
        bibliographic.arxivId = arxivId;
      }
      if (authors.length > 0) {
        bibliographic.authors = authors.map((i) => names[i]);
      }
      if (day >= 0) {
        bibliographic.issued = days[day].issued;
      }
      if (list >= 0) {
        bibliographic.categories = lists[list];
      }
      if (doi !== null) {
        bibliographic.doi = doi;
      }
      if (venue !== null) {
        bibliographic.venue = venue;
      }
      const mergeKeys: { -readonly [K in keyof MergeKeys]: MergeKeys[K] } = { ...rest?.mergeKeys };
      if (titleId !== null) {
        mergeKeys.titleId = titleId;
      }
      if (keyBase !== null) {
        mergeKeys.citationKeyBase = keyBase;
      }
      if (abstractId !== null) {
        mergeKeys.abstractId = abstractId;
      }
      const entry = withStoredAbstract<{ -readonly [K in keyof ParsedEntry]: ParsedEntry[K] }>(
        new StoredAbstract(this.file, offset, byteLength, length),
      );
      if (title !== null) {
        entry.title = title;
      }
      entry.line = line;
      if (day >= 0) {
        entry.date = days[day].date;
      }
      entry.bibliographic = bibliographic;
      entry.mergeKeys = mergeKeys;
      return rest?.entry ? Object.assign(entry, rest.entry) : entry;
    });
  }
}

function personName(parts: readonly (string | null)[]): PersonName {
  const name: { -readonly [K in keyof PersonName]: PersonName[K] } = {};
  NAME_PARTS.forEach((part, i) => {
    const value = parts[i];
    if (value !== null && value !== undefined) {
      name[part] = value;
    }
  });
  return name;
}
