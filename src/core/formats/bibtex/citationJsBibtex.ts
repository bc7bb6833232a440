import { parse as bibtexEntriesToCsl } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { bibtexGrammar, parse as parseBibtexText } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as parseBibtexValue } from '@citation-js/plugin-bibtex/lib/input/value.js';

/**
 * The one place that calls citation-js's BibTeX grammar and converters. The grammar is called directly, not
 * through `Cite`/`plugins.input`, whose input-type detection would try to fetch a text that looks like a URL.
 */

/** One BibTeX entry as the grammar reads it: macros expanded, `#` joined, values still TeX. */
export interface RawBibtexEntry {
  /** In lower case. */
  readonly type: string;
  readonly label: string;
  /** Field names in lower case; a value is a number when written as a bare number. */
  readonly properties: Readonly<Record<string, string | number>>;
}

/** `@string` macros: name in lower case → value. */
export type BibtexMacros = Readonly<Record<string, string>>;

/** The month macros (`jan` → `01`) and the classic journal abbreviations every BibTeX style defines. */
export const DEFAULT_MACROS: BibtexMacros = { ...bibtexGrammar.defaultState.strings };

/**
 * Parses `text` (one entry, or `@string` definitions) with `macros` defined; returns its entries and the macros
 * as they stand after it. Throws the grammar's `SyntaxError` on text it cannot read.
 */
export function parseBibtex(text: string, macros: BibtexMacros): { entries: RawBibtexEntry[]; macros: BibtexMacros } {
  // The grammar starts every parse from a copy of its default state; the file's macros are given to each entry
  // that way, and put back at once (parsing is synchronous, so no other parse can see them).
  const defaults = bibtexGrammar.defaultState;
  bibtexGrammar.defaultState = { strings: macros as Record<string, string> };
  try {
    const entries = parseBibtexText(text);
    return { entries, macros: bibtexGrammar.state.strings };
  } finally {
    bibtexGrammar.defaultState = defaults;
  }
}

/** The entry as a CSL-JSON item: names, titles and dates converted from TeX by citation-js. */
export function bibtexToCsl(entry: RawBibtexEntry): Record<string, unknown> {
  return bibtexEntriesToCsl([{ type: entry.type, label: entry.label, properties: { ...entry.properties } }])[0];
}

/** A title-like field value converted from TeX to text with CSL rich-text markup (`<i>`, `<sup>`). */
export function convertBibtexTitle(value: string): string {
  return String(parseBibtexValue(value, 'title'));
}
