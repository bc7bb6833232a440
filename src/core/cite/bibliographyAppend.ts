import type { TextReplacement } from './citationInsertion';

/** A BibTeX entry to add to a bibliography file: its citation key and its text (`@misc{key, …}`). */
export interface NewEntry {
  readonly key: string;
  readonly bibtex: string;
}

/** Where an entry starts in a BibTeX file: the line it is on (0-based) and the key's offsets (end exclusive). */
export interface EntryHead {
  readonly entryType: string;
  readonly key: string;
  readonly line: number;
  readonly keyStart: number;
  readonly keyEnd: number;
}

/** `@type{key,` or `@type(key,` at the start of a line (after white space), as reference managers write entries. */
const ENTRY_HEAD = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^\s,{}()"#%'=]+)[ \t]*,/gm;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

/**
 * The entries' heads in a BibTeX file: where each key is written, for Go to Definition and for never adding a key
 * twice. This only locates heads, as the bibliography reader's splitter does; reading entries is the reader's work.
 */
export function entryHeads(text: string): EntryHead[] {
  const heads: EntryHead[] = [];
  let line = 0;
  let counted = 0;
  for (const match of text.matchAll(ENTRY_HEAD)) {
    const entryType = match[1].toLowerCase();
    if (NOT_ENTRIES.has(entryType)) {
      continue;
    }
    for (let i = text.indexOf('\n', counted); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) {
      line++;
      counted = i + 1;
    }
    const keyStart = match.index + match[0].lastIndexOf(match[2]);
    heads.push({ entryType, key: match[2], line, keyStart, keyEnd: keyStart + match[2].length });
  }
  return heads;
}

/**
 * The edit that appends `entries` to a bibliography file whose text is `text`: at its end, after one blank line,
 * in the file's own line ends, leaving everything already written as it is. Entries whose key the file already has
 * (or that come twice) are left out.
 *
 * @returns `undefined` when every key is already there.
 */
export function bibliographyAppend(text: string, entries: readonly NewEntry[]): TextReplacement | undefined {
  const present = new Set(entryHeads(text).map((h) => h.key));
  const added: string[] = [];
  for (const entry of entries) {
    if (!present.has(entry.key)) {
      present.add(entry.key);
      added.push(entry.bibtex.trim());
    }
  }
  if (added.length === 0) {
    return undefined;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.trim() === '' ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const body = added.join('\n\n').replace(/\r?\n/g, eol);
  return { start: text.length, end: text.length, newText: `${separator}${body}${eol}` };
}
