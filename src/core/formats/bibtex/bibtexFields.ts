import { findArxivId } from '../../model/identifiers';
import { findMathSpans } from '../../text/tex';
import { keywordList, normaliseCslItem, type NormalisedItem } from '../csl/cslItem';
import { stripCslMarkup } from '../csl/cslMarkup';
import { bibtexToCsl, convertBibtexTitle, type RawBibtexEntry } from './citationJsBibtex';

/**
 * One BibTeX entry's fields in the library's shape. citation-js converts names, venue and date (TeX to Unicode,
 * name parts, month macros); the rest is read from the fields as written, because citation-js's CSL output has no
 * place for `eprint`, `archivePrefix` or `primaryClass`, turns a title's math into Unicode look-alikes
 * (`O(n²⁾`), and would convert abstracts, whose TeX the abstract tab typesets.
 */

/** The fields citation-js is asked to convert; the others are read here or not needed. */
const CONVERTED_FIELDS = [
  'author',
  'journal',
  'journaltitle',
  'booktitle',
  'year',
  'date',
  'month',
  'doi',
  'url',
  'note',
];
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
/**
 * A dotless `\i` or `\j` (`Na\"{\i}ve`): converted, it becomes `ı` plus a combining diaeresis, which NFC does not
 * compose, so a search for `naive` would miss it. The plain letter takes the accent instead.
 */
const DOTLESS = /\\([ij])(?![A-Za-z])\s*/g;
const ARXIV_MENTION = /arxiv/i;

/** Title, abstract (as written) and bibliographic fields of a parsed entry. */
export function bibtexEntryFields(entry: RawBibtexEntry): NormalisedItem {
  const properties = entry.properties;
  const converted: Record<string, string | number> = {};
  for (const field of CONVERTED_FIELDS) {
    const value = properties[field];
    if (value !== undefined) {
      converted[field] = typeof value === 'string' ? value.replace(DOTLESS, '$1') : value;
    }
  }
  const csl = bibtexToCsl({ type: entry.type, label: entry.label, properties: converted });
  if (Array.isArray(csl.author)) {
    csl.author = csl.author.filter((name) => !isOthers(name)).map(particleFixed);
  }
  const item = normaliseCslItem(csl);
  if (typeof item === 'string') {
    throw new Error(`citation-js made no CSL item of "${entry.label}": ${item}`);
  }
  const month = item.bibliographic.issued?.month ?? monthOf(properties.month);
  const primaryClass = text(properties.primaryclass);
  return {
    title: convertTitle(text(properties.title) ?? ''),
    abstract: text(properties.abstract) ?? '',
    bibliographic: {
      ...item.bibliographic,
      citationKey: entry.label,
      entryType: entry.type,
      ...(item.bibliographic.issued && month !== undefined ? { issued: { ...item.bibliographic.issued, month } } : {}),
      ...optional('arxivId', arxivIdOf(properties) ?? item.bibliographic.arxivId),
      ...optional('keywords', keywordList(text(properties.keywords))),
      ...optional('categories', primaryClass ? [primaryClass] : undefined),
    },
    repairs: item.repairs,
  };
}

/** A title in Unicode with its math kept as written: each `$…$` stands aside while citation-js converts the rest. */
export function convertTitle(value: string): string {
  if (!value) {
    return '';
  }
  const math: string[] = [];
  let kept = '';
  let from = 0;
  for (const span of findMathSpans(value)) {
    kept += `${value.slice(from, span.start)}\uE000${math.push(value.slice(span.start, span.end)) - 1}\uE001`;
    from = span.end;
  }
  kept = (kept + value.slice(from)).replace(DOTLESS, '$1');
  return stripCslMarkup(convertBibtexTitle(kept))
    .replace(PLACEHOLDER, (_, index: string) => math[Number(index)])
    .replace(/\s+/g, ' ')
    .trim();
}

/** The arXiv id where arXiv's export (`eprint` + `archivePrefix`), Mendeley (`arxivId`) or a note puts it. */
function arxivIdOf(properties: RawBibtexEntry['properties']): string | undefined {
  const eprint = text(properties.eprint);
  const archive = text(properties.archiveprefix) ?? text(properties.eprinttype);
  if (eprint && (archive === undefined || ARXIV_MENTION.test(archive))) {
    const id = findArxivId(eprint);
    if (id) {
      return id;
    }
  }
  const arxivField = text(properties.arxivid) ?? text(properties.arxiv);
  if (arxivField) {
    return findArxivId(arxivField);
  }
  for (const field of ['journal', 'journaltitle', 'note', 'howpublished']) {
    const value = text(properties[field]);
    if (value && ARXIV_MENTION.test(value)) {
      const id = findArxivId(value);
      if (id) {
        return id;
      }
    }
  }
  return undefined;
}

/** `month = jul # {~18}` reaches citation-js as `07~18`, which it cannot read as a month. */
function monthOf(value: string | number | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d{1,2})(?!\d)/.exec(String(value));
  const month = match ? Number(match[1]) : NaN;
  return month >= 1 && month <= 12 ? month : undefined;
}

/** BibTeX's `and others` means "et al.", not an author called Others. */
function isOthers(name: unknown): boolean {
  return (
    typeof name === 'object' &&
    name !== null &&
    (name as { family?: unknown }).family === 'others' &&
    !('given' in name)
  );
}

/**
 * citation-js reads a brace-led first name (`{\L}ukasz Kaiser`) as a particle, because braces hide its capital.
 * Particles are lower case (`van`, `de la`), so one that starts with a capital is the given name.
 */
function particleFixed(name: unknown): unknown {
  if (typeof name !== 'object' || name === null) {
    return name;
  }
  const { 'non-dropping-particle': particle, given, ...rest } = name as Record<string, unknown>;
  if (typeof particle !== 'string' || !/^\p{Lu}/u.test(particle)) {
    return name;
  }
  return { ...rest, given: typeof given === 'string' && given ? `${particle} ${given}` : particle };
}

function text(value: string | number | undefined): string | undefined {
  const trimmed = value === undefined ? '' : String(value).trim();
  return trimmed ? trimmed : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
