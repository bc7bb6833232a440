import { countLineBreaks } from '../lineBreaks';

/**
 * Splits a BibTeX file at the lines that start an entry, so each entry is parsed on its own: a parser handed a
 * whole file loses everything after the first entry it cannot read, and reports an unbalanced brace at the end of
 * the file instead of at the entry that opened it.
 */

/** A piece of a BibTeX file from one entry's `@` to the next entry's line. */
export interface BibtexChunk {
  /** Entry type in lower case: `article`, … or `string`, `comment`, `preamble`. */
  readonly type: string;
  /** 1-based line of the `@`. */
  readonly line: number;
  /** From the `@` up to the line of the next entry; line ends are `\n`. */
  readonly text: string;
}

/** `@type{` or `@type(` at the start of a line (after indentation). */
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*[{(]/gm;

/**
 * The chunks of `text` in order, made one at a time as the caller asks for them. Text before the first entry
 * (a header, free comments) belongs to no chunk. `text` must not start with a byte order mark.
 */
export function* splitBibtexEntries(text: string): Generator<BibtexChunk, void, undefined> {
  const starts = new RegExp(ENTRY_START.source, ENTRY_START.flags);
  let match = starts.exec(text);
  let line = 1;
  let counted = 0;
  while (match) {
    const start = match.index + match[0].indexOf('@');
    line += countLineBreaks(text, counted, start);
    counted = start;
    const type = match[1].toLowerCase();
    const next = starts.exec(text);
    const end = next ? next.index : text.length;
    const chunk = text.slice(start, end);
    yield { type, line, text: chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk };
    match = next;
  }
}
