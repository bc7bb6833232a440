// Types for the parts of citation-js 0.8.2 that the readers call directly (the package ships none). They reach
// into the plugins' modules, which is why every citation-js package is pinned to exactly 0.8.2.

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  /** A `@citation-js/core` `util.Grammar`: `state` is deep-copied from `defaultState` at the start of `parse`. */
  interface BibtexGrammar {
    defaultState: { strings: Record<string, string> };
    state: { strings: Record<string, string> };
  }
  export const bibtexGrammar: BibtexGrammar;
  /** Entries of a BibTeX text; `@string` and `@preamble` are read into the grammar's state, not returned. */
  export function parse(text: string): {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }[];
}

declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  /** BibLaTeX entries (fields already TeX values) to CSL-JSON items; values are converted to Unicode here. */
  export function parse(
    entries: { type: string; label: string; properties: Record<string, string | number> }[],
  ): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** One BibTeX field value converted as its field is: a string for titles, a list of CSL names for `author`. */
  export function parse(text: string, field: string): unknown;
}

declare module '@citation-js/plugin-ris/lib/ris.js' {
  /** RIS records of a text: tag → value, or values when a tag repeats. */
  export function parse(text: string): Record<string, string | string[]>[];
  /** One RIS record (either specification) to a CSL-JSON item. */
  export function parseMixed(record: Record<string, string | string[]>): Record<string, unknown>;
}
