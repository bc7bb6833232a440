import { paperDate } from '../model/dates';
import type { BibliographyEntry } from './bibliography';
import { readBibtexSteps } from './bibtex/readBibtex';
import { readCslJsonSteps } from './csl/readCslJson';
import type { BibliographyFormat, ParsedCorpus, ParsedEntry } from './parse';
import { readRisSteps } from './ris/readRis';

const BIBTEX_NAME = /\.(bib|bibtex|biblatex)$/i;
const RIS_NAME = /\.ris$/i;
const JSON_NAME = /\.json$/i;
/** A BibTeX file's first entry: after comments and blank lines, `@type{` or `@type(`. */
const BIBTEX_HEAD = /^(?:\s|%[^\n]*\n)*@\s*[A-Za-z]+\s*[{(]/;
/** An RIS record's first line, after any header lines (JabRef writes `Provider:` and `Content:` first). */
const RIS_HEAD = /^TY {2}- /m;
/** A JSON array whose first element is an object with a CSL variable or two. */
const CSL_HEAD = /^\s*\[\s*\{[^]*?"(?:type|title|author|issued|citation-key|DOI)"\s*:/;

/**
 * The bibliography format of a file, from its name and the first few kilobytes of its text; undefined for the
 * page formats and the arXiv snapshot. A name says `.bib`/`.ris`/`.json`; a file named otherwise (`refs.txt`) is a
 * bibliography when its text opens like one.
 */
export function bibliographyFormat(fileName: string, head: string): BibliographyFormat | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (BIBTEX_NAME.test(fileName)) {
    return 'bibtex';
  }
  if (RIS_NAME.test(fileName)) {
    return 'ris';
  }
  if (JSON_NAME.test(fileName)) {
    return CSL_HEAD.test(text) ? 'csl-json' : undefined;
  }
  if (BIBTEX_HEAD.test(text)) {
    return 'bibtex';
  }
  return RIS_HEAD.test(text.slice(0, 4096)) && /^(?:[^\n]*\n){0,5}TY {2}- /.test(text) ? 'ris' : undefined;
}

/**
 * Reads a bibliography file's text into the entries the library merges, yielding after each entry.
 * `onEntry` hears how many entries have been read so far, for a progress message.
 */
export function* readBibliographySteps(
  format: BibliographyFormat,
  text: string,
  onEntry?: (entries: number) => void,
): Generator<void, ParsedCorpus> {
  const steps =
    format === 'bibtex'
      ? readBibtexSteps(text, onEntry)
      : format === 'ris'
        ? readRisSteps(text, onEntry)
        : readCslJsonSteps(text, onEntry);
  const reading = yield* steps;
  return { format, entries: reading.entries.map(parsedEntry), problems: reading.problems };
}

function parsedEntry(entry: BibliographyEntry): ParsedEntry {
  const date = entry.bibliographic.issued && paperDate(entry.bibliographic.issued);
  return {
    ...(entry.title && { title: entry.title }),
    abstract: entry.abstract,
    line: entry.line,
    ...(date && { date }),
    bibliographic: entry.bibliographic,
  };
}
