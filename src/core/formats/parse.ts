import type { StoredAbstract } from '../model/storedAbstract';
import { runSteps } from '../util/steps';
import { PaperDate, parseDateLine } from '../model/dates';
import { decodeHtmlEntities } from '../text/entities';
import { BIDI_CONTROLS, isAscii } from '../text/text';
import type { BibliographicFields } from '../model/bibliographic';
import { splitLinesSteps } from './lines';

/** The bibliography formats: files that reference managers export (read by bibliographyFile.ts). */
export const BIBLIOGRAPHY_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

export function isBibliographyFormat(format: string): format is BibliographyFormat {
  return (BIBLIOGRAPHY_FORMATS as readonly string[]).includes(format);
}

/**
 * The three layouts the paper sites produce (see the corpus note):
 * - `bare`: one abstract per line, no titles;
 * - `daily`: a daily-papers page, blank-line separated title / abstract / metadata blocks;
 * - `search`: a search-results page, title and abstract lines alternating, no blank lines.
 * And `arxiv`: the arXiv metadata snapshot (JSON Lines, or a JSON array of its records); and the bibliography
 * formats reference managers export: `bibtex` (BibTeX and BibLaTeX), `ris`, `csl-json`.
 */
export type CorpusFormat = 'bare' | 'daily' | 'search' | 'arxiv' | BibliographyFormat;

/** One paper as it stands in one file, before duplicates across files are merged. */
export interface ParsedEntry {
  readonly title?: string;
  readonly abstract: string;
  /** 1-based line of the entry's first line in its file. */
  readonly line: number;
  readonly authors?: number;
  readonly organization?: string;
  readonly date?: PaperDate;
  readonly upvotes?: number;
  /** What a bibliographic source (a bibliography file, the arXiv snapshot) says beyond title and abstract. */
  readonly bibliographic?: BibliographicFields;
  /** Set when the abstract is kept on disk (the arXiv snapshot, read by the read worker): `abstract` reads it. */
  readonly storedAbstract?: StoredAbstract;
  /** What merging derives from this entry alone, worked out ahead by the read worker (`mergeKeys`). */
  readonly mergeKeys?: MergeKeys;
}

/** What merging entries into papers derives from one entry alone: see `mergeKeys` in `library/merge.ts`. */
export interface MergeKeys {
  /** The paper id its title makes; absent for an untitled entry or a title with no letter or digit. */
  readonly titleId?: string;
  /** The title as plain text, for lists; absent when it is the title itself. */
  readonly label?: string;
  /**
   * The paper id its abstract makes, by which an untitled copy finds its paper: worked out by the read worker,
   * where it costs the host nothing; the host's own merge works it out only when a library has untitled entries.
   */
  readonly abstractId?: string;
  /** The citation key its first author, year and title make, before it is made unique; absent when the entry has its own. */
  readonly citationKeyBase?: string;
  /** `https:` and `http:` links in the abstract; absent when there are none. */
  readonly links?: readonly string[];
}

/** Something in a file that could not be read as intended; the rest of the file still loads. */
export interface CorpusProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedCorpus {
  readonly format: CorpusFormat;
  readonly entries: readonly ParsedEntry[];
  readonly problems: readonly CorpusProblem[];
  /** The listing date a daily page shows above its papers (`Nov 4`), when present. */
  readonly pageDate?: string;
  /** For a filtered source (the arXiv snapshot): records read, kept, and skipped as bad. */
  readonly counts?: RecordCounts;
}

export interface RecordCounts {
  readonly read: number;
  readonly kept: number;
  readonly bad: number;
}

/** Longer lines are not abstracts (a 50 MB single-line file, a pasted blob): they are skipped. */
export const MAX_LINE_LENGTH = 30_000;
/** Titles are short headings; anything longer reads as prose, so no list ever shows a giant title. */
export const TITLE_LIKE_MAX = 300;
const MIN_ABSTRACT_LENGTH = 20;
/** Below this length a line is a title whatever its punctuation. */
const SHORT_LINE = 160;

/** Page chrome that the scrapes copied along with the papers. */
const CHROME = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);
const PAGE_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?$/;
/** The search page glues its first title to the `Subscribe` button: `SubscribeNorm of …`. */
const GLUED_SUBSCRIBE = /^Subscribe(?=[\p{Lu}\p{N}])/u;
const AUTHORS = /^•\s*(\d{1,5})\s+authors?$/;
/** Whitespace that `clean` would change: runs, tabs and the like, or space at either end. */
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;
/**
 * White space inside a line: `\s` without U+FEFF, which JavaScript counts as
 * a space but which inside a word is an invisible character (a BOM glued in
 * by a copy) that must not split it. At either end of a line it goes, with
 * the spaces there.
 */
const INNER_SPACE = /[^\S\uFEFF]+/g;
/** A character other than printable ASCII, of which nearly every line is made. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

interface Line {
  readonly text: string;
  /** 1-based. */
  readonly number: number;
}

/** Parses one corpus file's text in whichever of the three formats it is. */
export function parseCorpus(text: string): ParsedCorpus {
  return runSteps(parseCorpusSteps(text));
}

/** Lines or entries handled between two yields of `parseCorpusSteps`: a few milliseconds of work. */
const STEP_SIZE = 2000;

/**
 * `parseCorpus` a few thousand lines at a time, for a caller that must yield
 * to the event loop between them. The text may come in pieces (as it is
 * decoded), cut anywhere: joining 50 MB into one string would be one long step.
 */
export function* parseCorpusSteps(text: string | readonly string[]): Generator<void, ParsedCorpus> {
  const problems: CorpusProblem[] = [];
  const all = yield* splitLines(typeof text === 'string' ? [text] : text, problems);
  const { content, pageDate } = stripChrome(all);
  const format = detectFormat(content);
  const entries =
    format === 'daily'
      ? yield* parseDaily(content, problems)
      : format === 'search'
        ? yield* parseSearch(content, problems)
        : yield* parseBare(content, problems);
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ line: 1, message: 'no papers found' });
  }
  return pageDate === undefined ? { format, entries, problems } : { format, entries, problems, pageDate };
}

function* splitLines(pieces: readonly string[], problems: CorpusProblem[]): Generator<void, Line[]> {
  const { lines, long } = yield* splitLinesSteps(pieces, MAX_LINE_LENGTH, (raw, number): Line => ({
    text: clean(raw),
    number,
  }));
  for (const { number, length } of long) {
    problems.push({
      line: number,
      message: `line is ${length.toLocaleString('en-US')} characters long (at most ${MAX_LINE_LENGTH.toLocaleString('en-US')} are read); skipped`,
    });
  }
  return lines;
}

function clean(raw: string): string {
  // Pages write some characters as HTML references (`&amp;`, `&#39;`): decoded once, here, before the checks
  // below see what they stand for (a reference can spell a direction control), and escaped again wherever
  // the text becomes HTML.
  const text = decodeHtmlEntities(raw);
  const printable = !NOT_PRINTABLE_ASCII.test(text);
  const unicode = printable || isAscii(text) ? text : text.normalize('NFC').replace(BIDI_CONTROLS, '');
  // Most lines have nothing to collapse; testing first spares a copy of every abstract. Printable ASCII has
  // no whitespace but spaces, and searching it for two is far quicker than the general pattern.
  const untidy = printable
    ? unicode.includes('  ') || unicode.startsWith(' ') || unicode.endsWith(' ')
    : UNTIDY_SPACE.test(unicode);
  return untidy ? unicode.replace(INNER_SPACE, ' ').replace(/^\s+|\s+$/g, '') : unicode;
}

/** Leading page chrome (and the page's date) is dropped; the content starts at the first real line. */
function stripChrome(lines: Line[]): { content: Line[]; pageDate?: string } {
  let pageDate: string | undefined;
  let start = 0;
  for (; start < lines.length; start++) {
    const text = lines[start].text;
    if (text === '' || CHROME.has(text)) {
      continue;
    }
    if (pageDate === undefined && PAGE_DATE.test(text)) {
      pageDate = text;
      continue;
    }
    break;
  }
  const content = lines.slice(start);
  while (content.length > 0 && content[content.length - 1].text === '') {
    content.pop();
  }
  if (content.length > 0) {
    const first = content[0];
    content[0] = { number: first.number, text: first.text.replace(GLUED_SUBSCRIBE, '') };
  }
  return { content, pageDate };
}

function detectFormat(lines: Line[]): CorpusFormat {
  const filled = lines.filter((l) => l.text !== '');
  if (filled.length === 0) {
    return 'bare';
  }
  const blanks = lines.length - filled.length;
  if (blanks * 2 >= filled.length - 1 && blanks > 0) {
    return 'daily';
  }
  const titles = filled.filter((l) => isTitleLike(l.text)).length;
  return titles * 3 >= filled.length ? 'search' : 'bare';
}

/** Titles are short and rarely end like a sentence; a short line ending in `?` is still a title. */
function isTitleLike(text: string): boolean {
  return text.length <= TITLE_LIKE_MAX && (text.length < SHORT_LINE || !/[.!?]["')\]]?$/.test(text));
}

function isMeta(paragraph: Line[]): boolean {
  return paragraph.some((l) => l.text === '·') || AUTHORS.test(paragraph[0].text);
}

function* parseBare(lines: Line[], problems: CorpusProblem[]): Generator<void, ParsedEntry[]> {
  const entries: ParsedEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
    const line = lines[i];
    if (line.text === '') {
      continue;
    }
    if (line.text.length < MIN_ABSTRACT_LENGTH) {
      problems.push({ line: line.number, message: 'line is too short to be an abstract; skipped' });
      continue;
    }
    entries.push({ abstract: line.text, line: line.number });
  }
  return entries;
}

function* parseSearch(lines: Line[], problems: CorpusProblem[]): Generator<void, ParsedEntry[]> {
  const filled = lines.filter((l) => l.text !== '');
  const entries: ParsedEntry[] = [];
  for (let i = 0; i < filled.length; i++) {
    if (entries.length % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
    const line = filled[i];
    const next = filled[i + 1];
    if (!isTitleLike(line.text)) {
      problems.push({ line: line.number, message: 'abstract with no title before it; kept without a title' });
      entries.push({ abstract: line.text, line: line.number });
      continue;
    }
    const afterNext = filled[i + 2];
    if (next === undefined || (isTitleLike(next.text) && afterNext !== undefined && !isTitleLike(afterNext.text))) {
      problems.push({ line: line.number, message: 'title with no abstract after it; kept without an abstract' });
      entries.push({ title: line.text, abstract: '', line: line.number });
      continue;
    }
    entries.push({ title: line.text, abstract: next.text, line: line.number });
    i++;
  }
  return entries;
}

interface PendingEntry {
  title?: string;
  abstract?: string;
  line: number;
  authors?: number;
  organization?: string;
  date?: PaperDate;
  upvotes?: number;
  hasMeta: boolean;
}

function* parseDaily(lines: Line[], problems: CorpusProblem[]): Generator<void, ParsedEntry[]> {
  const paragraphs = toParagraphs(lines);
  const entries: PendingEntry[] = [];
  let current: PendingEntry | undefined;
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
    const paragraph = paragraphs[i];
    if (isMeta(paragraph)) {
      if (current && !current.hasMeta) {
        readMeta(paragraph, current, problems);
      } else {
        problems.push({ line: paragraph[0].number, message: 'metadata with no paper before it; skipped' });
      }
      continue;
    }
    const text = paragraph.map((l) => l.text).join(' ');
    const line = paragraph[0];
    const awaitingAbstract = current !== undefined && current.abstract === undefined && !current.hasMeta;
    if (awaitingAbstract && current) {
      const following = paragraphs[i + 1];
      const nextIsAbstract = following !== undefined && !isMeta(following) && !isTitleLike(following[0].text);
      if (!(isTitleLike(text) && nextIsAbstract)) {
        current.abstract = text;
        continue;
      }
    }
    current = isTitleLike(text)
      ? { title: text, line: line.number, hasMeta: false }
      : { abstract: text, line: line.number, hasMeta: false };
    entries.push(current);
  }
  return entries.map((entry) => finishDaily(entry, problems));
}

function finishDaily(entry: PendingEntry, problems: CorpusProblem[]): ParsedEntry {
  if (entry.title === undefined) {
    problems.push({ line: entry.line, message: 'abstract with no title before it; kept without a title' });
  } else if (entry.abstract === undefined) {
    problems.push({ line: entry.line, message: 'title with no abstract after it; kept without an abstract' });
  }
  const { hasMeta: _hasMeta, abstract, ...rest } = entry;
  return { ...rest, abstract: abstract ?? '' };
}

function toParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let paragraph: Line[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (paragraph.length > 0) {
        paragraphs.push(paragraph);
        paragraph = [];
      }
    } else {
      paragraph.push(line);
    }
  }
  if (paragraph.length > 0) {
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** Reads `• 9 authors` (or an organisation line), `·`, and a date line with optional upvotes. */
function readMeta(paragraph: Line[], entry: PendingEntry, problems: CorpusProblem[]): void {
  entry.hasMeta = true;
  const dot = paragraph.findIndex((l) => l.text === '·');
  const before = dot === -1 ? paragraph : paragraph.slice(0, dot);
  const after = dot === -1 ? [] : paragraph.slice(dot + 1);
  for (const line of before) {
    const authors = AUTHORS.exec(line.text);
    if (authors) {
      entry.authors = Number(authors[1]);
    } else {
      entry.organization = organizationName(line.text);
    }
  }
  for (const line of after) {
    const parsed = parseDateLine(line.text);
    if (parsed) {
      entry.date = parsed.date;
      if (parsed.upvotes !== undefined) {
        entry.upvotes = parsed.upvotes;
      }
    } else {
      problems.push({ line: line.number, message: 'unreadable date in the metadata; ignored' });
    }
  }
}

/** `naver-ai NAVER AI Lab`: the page prints the organisation's handle, then its name. */
function organizationName(text: string): string {
  const m = /^([a-z0-9][a-z0-9-]*) (.+)$/.exec(text);
  return (m ? m[2] : text).slice(0, TITLE_LIKE_MAX);
}
