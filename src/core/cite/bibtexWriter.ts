import type { BibliographicFields, PersonName } from '../model/bibliographic';
import type { Paper } from '../model/paper';
import { findMathSpans } from '../text/tex';

/**
 * Writes one paper as a BibTeX entry (Copy BibTeX, and appending to a `.bib`). An arXiv paper takes arXiv's own
 * shape (its "Export BibTeX": `@misc` with `eprint`, `archivePrefix`, `primaryClass`); a published one its entry
 * type with `journal` or `booktitle`, and the arXiv fields too when it has an arXiv id. Text stays UTF-8 (BibTeX 0.99
 * and biber read it; converting to `{\"u}` loses nothing but is harder to read). A title's math stays math;
 * outside math, BibTeX and LaTeX's special characters are escaped and braces balanced, so the entry parses back,
 * with citation-js and with Better BibTeX's parser, to the same title, authors, year, ids and abstract.
 */

/** What the writer needs of a paper: the library's papers have it, and so has every reader's entry. */
export interface CitablePaper {
  readonly title: string;
  /** As TeX (the readers keep abstracts so); empty for none. */
  readonly abstract: string;
  readonly bibliographic: BibliographicFields;
}

/** Text-mode characters that mean something to TeX, with how to write them as text. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const TEXT_SPECIAL = /[\\{}&%#_$~^]/g;
/** In an abstract, which is already TeX: only the characters that break BibTeX or LaTeX when left bare. */
const BARE_SPECIAL = /(?<!\\)[&%#]/g;
/** A word with a capital after its first letter (`BERT`, `GANs`, `ImageNet`): BibTeX styles would lower-case it. */
const CASE_SENSITIVE_WORD = /[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Entry types whose venue is a `booktitle`; the others' is a `journal`. */
const BOOKTITLE_TYPES = new Set(['inproceedings', 'incollection', 'inbook', 'conference']);

/**
 * The paper as a BibTeX entry under `key`, fields one a line, ending in a line break. Empty fields are left out.
 */
export function bibtexEntry(paper: CitablePaper, key: string): string {
  const fields = paper.bibliographic;
  const arxivOnly = fields.arxivId !== undefined && (fields.venue === undefined || /^arxiv\b/i.test(fields.venue));
  const type = arxivOnly ? 'misc' : (fields.entryType ?? (fields.venue ? 'article' : 'misc'));
  const lines: [string, string][] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value) {
      lines.push([name, value]);
    }
  };
  add('title', titleValue(paper.title));
  add('author', fields.authors?.map(authorName).join(' and '));
  add('year', fields.issued ? String(fields.issued.year) : undefined);
  if (!arxivOnly) {
    add('month', fields.issued?.month ? MONTHS[fields.issued.month - 1] : undefined);
    add(BOOKTITLE_TYPES.has(type) ? 'booktitle' : 'journal', fields.venue ? escapeText(fields.venue) : undefined);
    add('doi', fields.doi);
  }
  if (fields.arxivId) {
    add('eprint', fields.arxivId);
    add('archivePrefix', 'arXiv');
    add('primaryClass', fields.categories?.[0]);
  }
  add('url', fields.url ?? (fields.arxivId ? `https://arxiv.org/abs/${fields.arxivId}` : undefined));
  add('keywords', fields.keywords?.map(escapeText).join(', '));
  add('abstract', abstractValue(paper.abstract));
  const body = lines.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/**
 * A title with its math kept and the rest escaped; words whose capitals a style would lose (`BERT`) are braced.
 */
function titleValue(title: string): string {
  return mapOutsideMath(title, (text) => escapeText(text).replace(CASE_SENSITIVE_WORD, (word) => `{${word}}`));
}

/**
 * A name as BibTeX reads it: `von Last, Jr, First` (https://www.bibtex.org/Format/, Names); a corporate name
 * braced whole, so `and` or a comma inside it splits nothing.
 */
function authorName(name: PersonName): string {
  if (name.literal !== undefined || name.family === undefined) {
    return `{${escapeText(name.literal ?? name.given ?? '')}}`;
  }
  const family = escapeText(name.particle ? `${name.particle} ${name.family}` : name.family);
  // A family name of several words, or one that reads as a particle (lower case), is kept together by braces.
  const last = /\s/.test(name.family) || /^\p{Ll}/u.test(name.family) ? `{${family}}` : family;
  const parts = [last];
  if (name.suffix) {
    parts.push(escapeText(name.suffix));
  }
  if (name.given) {
    parts.push(escapeText(name.given));
  }
  return parts.join(', ');
}

/** An abstract is TeX already: only bare `& % #` are escaped, and braces that do not pair are escaped. */
function abstractValue(abstract: string): string {
  const trimmed = abstract.trim();
  return trimmed ? balanceBraces(mapOutsideMath(trimmed, (text) => text.replace(BARE_SPECIAL, '\\$&'))) : '';
}

/** Text to be read as text by BibTeX and LaTeX: every special character escaped. */
function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c]);
}

/** `text` with `transform` applied to the parts outside `$…$` math. */
function mapOutsideMath(text: string, transform: (part: string) => string): string {
  let result = '';
  let from = 0;
  for (const span of findMathSpans(text)) {
    result += transform(text.slice(from, span.start)) + text.slice(span.start, span.end);
    from = span.end;
  }
  return result + transform(text.slice(from));
}

/** Braces that close nothing or are never closed, escaped (`\{`), so the field ends where it should. */
function balanceBraces(text: string): string {
  const unmatched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      open.push(i);
    } else if (c === '}') {
      if (open.length > 0) {
        open.pop();
      } else {
        unmatched.add(i);
      }
    }
  }
  for (const index of open) {
    unmatched.add(index);
  }
  if (unmatched.size === 0) {
    return text;
  }
  let result = '';
  for (let i = 0; i < text.length; i++) {
    result += unmatched.has(i) ? `\\${text[i]}` : text[i];
  }
  return result;
}

/**
 * A library paper as a BibTeX entry under its citation key: an untitled paper is titled by its label, and a paper
 * whose date came from a page (no publication date) gets that date's year.
 */
export function paperBibtex(paper: Paper): string {
  const fields = paper.bibliographic ?? {};
  const year = paper.date?.year;
  return bibtexEntry(
    {
      title: paper.title ?? paper.label,
      abstract: paper.abstract,
      bibliographic: fields.issued === undefined && year !== undefined ? { ...fields, issued: { year } } : fields,
    },
    paper.citationKey,
  );
}
