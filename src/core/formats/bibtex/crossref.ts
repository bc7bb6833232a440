import type { RawBibtexEntry } from './citationJsBibtex';

/**
 * BibTeX's `crossref`: an entry (a paper in proceedings) names another (the proceedings), and takes the fields it
 * lacks from it. Parsers leave this to the style; the library needs the venue and date now. Follows BibLaTeX's
 * defaults (its manual, appendix B): a book's or proceedings' `title` becomes the child's `booktitle`, and what
 * names the target itself (ids, key, abstract, keywords) is not inherited.
 */

/** Fields that describe the target entry itself, never the child. */
const NOT_INHERITED = new Set([
  'title',
  'abstract',
  'doi',
  'eprint',
  'url',
  'ids',
  'crossref',
  'keywords',
  'file',
  'isbn',
  'issn',
]);
const COLLECTION_TYPES = new Set([
  'proceedings',
  'book',
  'mvbook',
  'mvproceedings',
  'collection',
  'mvcollection',
  'reference',
]);

/** The result of resolving one entry's `crossref`. */
export type CrossrefResult = { readonly entry: RawBibtexEntry } | { readonly missing: string };

/**
 * `entry` with the missing fields of the entry its `crossref` names (looked up in `byKey`, keys as written, then
 * ignoring case as BibTeX does); unchanged when it has no `crossref`.
 */
export function resolveCrossref(entry: RawBibtexEntry, byKey: ReadonlyMap<string, RawBibtexEntry>): CrossrefResult {
  const reference = entry.properties.crossref;
  if (reference === undefined) {
    return { entry };
  }
  const key = String(reference).trim();
  const target = byKey.get(key) ?? byKey.get(key.toLowerCase());
  if (!target || target === entry) {
    return { missing: key };
  }
  const properties: Record<string, string | number> = { ...entry.properties };
  for (const [field, value] of Object.entries(target.properties)) {
    if (!NOT_INHERITED.has(field) && !(field in properties)) {
      properties[field] = value;
    }
  }
  if (COLLECTION_TYPES.has(target.type) && target.properties.title !== undefined && !('booktitle' in properties)) {
    properties.booktitle = target.properties.title;
  }
  return { entry: { ...entry, properties } };
}

/** Entries by key for `resolveCrossref`: the first entry of each key, under the key as written and in lower case. */
export function entriesByKey(entries: readonly RawBibtexEntry[]): Map<string, RawBibtexEntry> {
  const byKey = new Map<string, RawBibtexEntry>();
  for (const entry of entries) {
    for (const key of [entry.label, entry.label.toLowerCase()]) {
      if (!byKey.has(key)) {
        byKey.set(key, entry);
      }
    }
  }
  return byKey;
}
